import '@testing-library/svelte/vitest';
import { configure } from '@testing-library/svelte';

// waitFor/findBy* give up after this long: a hang guard, not a speed check (CI runs at load 8,
// where the 1 s default fails tests that are merely slow).
configure({ asyncUtilTimeout: 30_000 });

// jsdom has no Worker: the app's demo data set is generated on the test's thread.
import { generateDemoFiles } from '../src/lib/demo/generate';
import { generateDemoHere } from '../src/lib/demo/demoClient';
generateDemoHere(generateDemoFiles);
