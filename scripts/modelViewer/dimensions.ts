/**
 * Prints measured dimensions of each generated bone (own frame) against the domain targets.
 * Usage: npx tsx scripts/modelViewer/dimensions.ts [LEVEL ...]
 */
import { initMeshing, meshSdf, simplify } from '../generateModels.ts';
import { LEVELS, isLevelId, levelParams } from '../../src/domain/anatomy/levels.ts';
import { measureVertebra } from '../../src/domain/anatomy/measureVertebra.ts';
import { modelParts } from '../../src/domain/anatomy/modelParts.ts';

const m = await initMeshing();
const ids = process.argv.slice(2).filter(isLevelId);
for (const id of ids.length ? ids : LEVELS) {
  const part = modelParts(id)[0]!;
  const mesh = simplify(meshSdf(m, part.sdf, part.bounds, part.edge), part.maxTriangles);
  const r = measureVertebra(mesh, id);
  const p = levelParams(id);
  const pct = (a: number, b: number): string => `${a.toFixed(1)}/${b}(${(((a - b) / b) * 100).toFixed(0)}%)`;
  console.log(
    id.padEnd(3),
    'W', pct(r.bodyWidth, p.epw), 'D', pct(r.bodyDepth, p.epd), 'Ha', pct(r.anterior, p.vbha), 'Hp', pct(r.posterior, p.vbhp),
    'Hm', r.middle.toFixed(1),
    'PW', pct(r.pedicleWidth.left, p.pw), pct(r.pedicleWidth.right, p.pw), 'PH', pct(r.pedicleHeight.left, p.ph),
    'CW', pct(r.canalWidth, p.scw), 'CD', pct(r.canalDepth, p.scd),
    'AP', pct(r.extents.ap, p.extents.ap), 'LR', pct(r.extents.lr, p.extents.lr), 'SI', pct(r.extents.si, p.extents.si),
  );
}
