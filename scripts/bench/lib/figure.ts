/** One measured figure, as every benchmark returns it and `npm run bench` prints it: `{ name: 'import 1M rows', value: 3.1, unit: 's', target: '≤ 5 s' }`. */
export interface Figure { name: string; value: number; unit: string; target?: string }
