import { scoreCommand } from './scoreCommand';

const { code, out, err } = scoreCommand(process.argv.slice(2));
for (const line of out) console.log(line);
for (const line of err) console.error(line);
process.exit(code);
