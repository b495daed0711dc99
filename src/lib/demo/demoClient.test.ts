import { describe, expect, it } from 'vitest';
import { demoFiles, generateDemoHere } from './demoClient';
import { demoReply } from '../../workers/demo.worker';
import { generateDemoFiles } from './generate';

describe('demo data off the page', () => {
  it('the worker replies with the generator\'s files for the seed it is given', () => {
    const reply = demoReply({ seed: 7 });
    expect('files' in reply && reply.files).toEqual(generateDemoFiles(7));
    const standard = demoReply(undefined);
    expect('files' in standard && standard.files.map((f) => f.name)).toEqual(generateDemoFiles().map((f) => f.name));
  });

  it('without a Worker it needs a generator registered, then uses it', async () => {
    await expect(demoFiles()).rejects.toThrow(/generateDemoHere/);
    generateDemoHere((seed) => [{ name: `staff-${seed ?? 'default'}.csv`, text: 'staff_id\n' }]);
    expect(await demoFiles(3)).toEqual([{ name: 'staff-3.csv', text: 'staff_id\n' }]);
  });
});
