import '@testing-library/svelte/vitest';
import { configure } from '@testing-library/svelte';

// waitFor/findBy* give up after this long: a hang guard, not a speed check (CI runs at load 8,
// where the 1 s default fails tests that are merely slow).
configure({ asyncUtilTimeout: 30_000 });
