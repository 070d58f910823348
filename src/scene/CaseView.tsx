import type { CaseParams, SingleProcedure } from '../domain/caseParams.ts';
import type { CementInput } from '../domain/cement/types.ts';
import { segmentAround } from '../render/spineIndex.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { CementCloudView } from './CementCloud.tsx';
import { HeightMarkers } from './HeightMarkers.tsx';
import { Instruments } from './Instruments.tsx';
import { Labels } from './Labels.tsx';
import { SpineModels } from './SpineModels.tsx';
import { useSpineIndex } from './sceneAssets.ts';

export interface CaseViewProps {
  params: CaseParams;
  procedure: SingleProcedure;
  /** The pane's simulation input (one per pane, usePaneCementInput). */
  cement: CementInput;
}

/** One procedure on one case: the anatomy around the level and the instruments. */
export function CaseView({ params, procedure, cement }: CaseViewProps) {
  const showLabels = useAppStore((s) => s.layers.labels);
  const index = useSpineIndex();
  const level = segmentAround(index, params.level, 0)[0]!;
  return (
    <group>
      {showLabels && <Labels segment={segmentAround(index, params.level)} target={params.level} />}
      <SpineModels level={params.level} grade={params.grade} shape={params.shape} procedure={procedure} restoration={params.restoration} cleft={params.cleft} />
      <Instruments params={params} landmarks={level.landmarks} procedure={procedure} />
      <CementCloudView params={params} input={cement} />
      <HeightMarkers params={params} procedure={procedure} />
    </group>
  );
}
