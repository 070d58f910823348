/**
 * Lighting that needs no network: a soft sky/ground fill plus a key light from above-behind and a
 * cool rim from the front, so bone surfaces read in relief on a projector.
 */
export function Lights() {
  return (
    <>
      <hemisphereLight args={['#f4efe6', '#2a2f40', 1.1]} />
      <directionalLight position={[-0.3, 0.5, -0.4]} intensity={2.2} />
      <directionalLight position={[0.4, 0.1, 0.5]} intensity={0.6} color="#bcd2ff" />
    </>
  );
}
