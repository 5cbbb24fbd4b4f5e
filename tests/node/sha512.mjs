// Prints the hex SHA-512 of stdin with Node's own crypto: an implementation independent of .NET's.
import { createHash } from 'node:crypto';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(createHash('sha512').update(input, 'utf8').digest('hex'));
