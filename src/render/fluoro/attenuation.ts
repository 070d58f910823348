/**
 * Linear attenuation coefficients used by the simulated fluoroscopy, per millimetre, at a typical
 * fluoroscopy beam energy (~60 keV effective). Approximate [U]: from tabulated mass attenuation
 * coefficients (NIST XCOM) times typical densities — cortical bone ~0.60 /cm, soft tissue and disc
 * ~0.21 /cm, osteoporotic cancellous bone (mostly marrow) ~0.25 /cm, steel ~9 /cm. Contrast in the
 * balloon and barium-loaded PMMA (domain.md §1, §6: ~10% BaSO4 or zirconia) are strongly
 * radio-opaque; their values are chosen in that range so both read clearly, as on real images.
 */
export const MU_PER_MM = Object.freeze({
  cortical: 0.06,
  cancellous: 0.025,
  disc: 0.021,
  steel: 0.9,
  contrast: 0.2,
  cement: 0.16,
});
