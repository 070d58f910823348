// @ts-check
// Lint for the whole project: `npm run lint` (with knip), first step of `npm test`.
// Type-checked typescript-eslint, the classic React hook rules, R3F's frame-loop rules, and the layer
// rules of src/*/README.md ("May import"), which replace the old regex layering test.
import js from '@eslint/js';
import r3f from '@react-three/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What each folder of src/ may import (its README.md says the same in words). `may`: folders imported
 * freely; `types`: folders imported for types only; `lazy`: folders reached only through `import()`;
 * `only`: folders of which just the named files may be imported; `packages`: the npm packages (and
 * virtual modules) allowed. Everything else, including any other package, is an error.
 * `files` gives single files of the folder a wider rule (React bindings, the hook of i18n).
 * @typedef {{ may?: string[]; types?: string[]; lazy?: string[]; only?: Record<string, string[]>; packages?: string[] }} Layer
 * @type {Record<string, Layer & { files?: Record<string, Layer> }>}
 */
const LAYERS = {
  domain: {},
  render: { may: ['domain'], packages: ['three'] },
  scene: {
    may: ['render', 'state', 'domain', 'i18n'],
    packages: ['react', 'three', '@react-three/fiber', '@react-three/drei', 'three-stdlib'],
  },
  state: {
    may: ['domain', 'i18n'],
    packages: ['zustand'],
    files: {
      // The React bindings of the store and of the app's services; the rest of state is framework-free.
      'useAppStore.ts': { may: ['domain', 'i18n'], packages: ['zustand', 'react'] },
      '*Context.ts': { may: ['domain', 'i18n'], packages: ['react'] },
    },
  },
  ui: {
    may: ['state', 'i18n', 'domain'],
    // The 3D view and the expert panel are chunks of their own, loaded after the shell paints.
    lazy: ['scene', 'debug'],
    only: { embed: ['snippets.ts'] },
    // react-dom for portals (the printed handout), qr for the take-home link's code.
    packages: ['react', 'react-dom', 'qr'],
  },
  // The cement surface is meshed in the worker by the same function the page uses for a capture.
  workers: { may: ['domain'], types: ['state'], only: { render: ['cementMesh.ts'] } },
  embed: { may: ['domain'], packages: ['virtual:spinecast-facade-messages'] },
  i18n: {
    types: ['domain'],
    files: { 'useT.ts': { types: ['domain'], may: ['state'], packages: ['react'] } },
  },
  media: { may: ['state', 'domain', 'i18n'], packages: ['webm-muxer'] },
  offline: { types: ['state'] },
  speaker: { may: ['state', 'ui', 'i18n', 'domain'], packages: ['react', 'react-dom'] },
  debug: { may: ['state', 'i18n', 'domain'], packages: ['react', 'leva'] },
};
const FOLDERS = Object.keys(LAYERS);

const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A relative import that climbs out of the folder into one of `folders`. */
const intoFolders = (/** @type {string[]} */ folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
/** A bare import (a package or virtual module) other than `packages`. */
const otherPackage = (/** @type {string[]} */ packages) =>
  packages.length ? `^(?![./]|(${packages.map(escape).join('|')})(/|$))` : '^(?![./])';

/** The options of no-restricted-imports and the dynamic-import selectors for one folder's rule. */
function layerRules(/** @type {string} */ folder, /** @type {Layer} */ layer) {
  const { may = [], types = [], lazy = [], only = {}, packages = [] } = layer;
  const allowed = [folder, ...may, ...types, ...lazy, ...Object.keys(only)];
  const forbidden = FOLDERS.filter((f) => !allowed.includes(f));
  const where = `src/${folder}/README.md`;
  const list = [...may, ...types.map((t) => `${t} (types)`), ...lazy.map((l) => `${l} (lazily)`), ...Object.entries(only).map(([f, files]) => `${f}/${files.join(', ')}`)];
  const mayText = list.length ? `only src/${list.join(', src/')}` : 'nothing outside itself';
  /** @type {{ regex: string; message: string; allowTypeImports?: boolean }[]} */
  const patterns = [];
  if (forbidden.length) patterns.push({ regex: intoFolders(forbidden), message: `src/${folder} may import ${mayText} (${where}).` });
  if (types.length) patterns.push({ regex: intoFolders(types), allowTypeImports: true, message: `src/${folder} may import only types from src/${types.join(', src/')} (${where}).` });
  if (lazy.length) patterns.push({ regex: intoFolders(lazy), message: `src/${folder} may load src/${lazy.join(', src/')} only lazily, with import() (${where}).` });
  for (const [f, files] of Object.entries(only)) {
    patterns.push({ regex: `^(\\.\\./)+${f}/(?!(${files.map(escape).join('|')})$)`, message: `src/${folder} may import only ${files.join(', ')} from src/${f} (${where}).` });
  }
  const pkgText = packages.length ? packages.join(', ') : 'no package';
  patterns.push({ regex: otherPackage(packages), message: `src/${folder} may use ${pkgText} (${where}).` });
  // import() is not seen by no-restricted-imports; the same limits (less `lazy`) as selectors.
  // esquery's regex literals cannot hold '/', so it is written \x2F.
  const slash = (/** @type {string} */ re) => re.replaceAll('/', '\\x2F');
  const dynamic = [...forbidden, ...types];
  const selectors = [
    ...(dynamic.length ? [{ selector: `ImportExpression[source.value=/${slash(intoFolders(dynamic))}/]`, message: `src/${folder} may import ${mayText} (${where}).` }] : []),
    { selector: `ImportExpression[source.value=/${slash(otherPackage(packages))}/]`, message: `src/${folder} may use ${pkgText} (${where}).` },
  ];
  return {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': ['error', ...selectors],
  };
}

const layerConfigs = FOLDERS.flatMap((folder) => {
  const { files = {}, ...layer } = LAYERS[folder] ?? {};
  return [
    { name: `layers/${folder}`, files: [`src/${folder}/**/*.{ts,tsx}`], rules: layerRules(folder, layer) },
    ...Object.entries(files).map(([file, wider]) => ({
      name: `layers/${folder}/${file}`,
      files: [`src/${folder}/${file}`],
      rules: layerRules(folder, wider),
    })),
  ];
});

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', 'test-results/', 'public/', '.bench/', '.gl/', '.whl/']),
  js.configs.recommended,
  // Type-checked everywhere, tests and scripts included (a floating promise in a test hides a failure).
  // Limiting type information to src/ was measured: it saved about a tenth of the CPU time, not worth it.
  tseslint.configs.recommendedTypeChecked,
  {
    name: 'project',
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A `let` that a closure may read before its one assignment (a timer cleared by its own callback) stays a let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // A hook suspends (React Suspense) by throwing the promise it waits for (src/scene/sceneAssets.ts).
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'lib', name: 'Promise' }] }],
      // Names starting with _ are deliberately unused (destructuring a field away, a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    name: 'react',
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@react-three': r3f },
    rules: {
      // The two classic hook rules. The compiler-powered rules of the plugin's preset are left out:
      // the app does not use the React Compiler, and they flag R3F's required style (mutating refs and
      // three.js objects in frame callbacks) while doubling the lint time.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@react-three/no-new-in-loop': 'error',
      '@react-three/no-clone-in-loop': 'error',
    },
  },
  ...layerConfigs,
  {
    name: 'layers/domain/code',
    files: ['src/domain/**/*.ts'],
    rules: {
      // Pure domain: no DOM, clocks, timers or unseeded randomness (random.ts is the seeded PRNG).
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'performance', 'Date', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'localStorage'].map((name) => ({ name, message: 'src/domain is pure: no DOM, clocks or timers (src/domain/README.md).' }))],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness comes from the seeded PRNG in src/domain/random.ts.' },
      ],
    },
  },
  {
    name: 'node-scripts',
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'service-worker',
    files: ['scripts/lib/serviceWorker.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
