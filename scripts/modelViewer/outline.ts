/**
 * Prints the lumbar outline measures (measureBodyOutline) of generated bones against Clouthier
 * 2023's mean mesh (domain.md §2a). Usage: npx tsx scripts/modelViewer/outline.ts [LEVEL ...]
 */
import { initMeshing, meshSdf, simplify } from '../generateModels.ts';
import { MEAN_MESH, isLevelId, levelParams, type LevelId } from '../../src/domain/anatomy/levels.ts';
import { measureBodyOutline, measureVertebra } from '../../src/domain/anatomy/measureVertebra.ts';
import { modelParts } from '../../src/domain/anatomy/modelParts.ts';

const m = await initMeshing();
const ids = process.argv.slice(2).filter(isLevelId);
const f = (a: number, b?: number): string => (b === undefined ? a.toFixed(1) : `${a.toFixed(1)}/${b}(${(((a - b) / b) * 100).toFixed(1)}%)`);
const lumbar: LevelId[] = ['L2', 'L3', 'L4', 'L5'];
for (const id of ids.length ? ids : lumbar) {
  const part = modelParts(id)[0]!;
  const mesh = simplify(meshSdf(m, part.sdf, part.bounds, part.edge), part.maxTriangles);
  const o = measureBodyOutline(mesh, id);
  const e = measureVertebra(mesh, id).extents;
  const t = id in MEAN_MESH ? MEAN_MESH[id as keyof typeof MEAN_MESH] : undefined;
  const p = levelParams(id);
  console.log(
    id,
    'waist', f(o.waistWidth, t?.waistWidth), 'midDepth', f(o.midDepth, t?.midDepth), 'centreH', f(o.centreHeight, t?.centreHeight),
    'reach', f(o.posteriorReach, t ? +(t.extents.ap - t.midDepth).toFixed(1) : undefined), 'sapRise', f(o.sapRise), 'archDrop', f(o.archDrop), 'tipY', f(o.spinousTipY), 'spH', f(o.spinousHeight, 23.5),
    'AP', f(e.ap, p.extents.ap), 'LR', f(e.lr, p.extents.lr), 'SI', f(e.si, p.extents.si),
  );
}
