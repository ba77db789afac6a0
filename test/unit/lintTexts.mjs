// Lints source texts as if they were the given files, with the project's own ESLint config.
// stdin: JSON [{ filePath, text }]; stdout: JSON, per text the problems as { line, ruleId }.
// A separate process: ESLint loads its ES-module config, which jest's module system cannot.
import { ESLint } from 'eslint';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint();
const results = [];
for (const { filePath, text } of JSON.parse(input)) {
  const [result] = await eslint.lintText(text, { filePath });
  results.push(result.messages.map(({ line, ruleId, message }) => ({ line, ruleId, message })));
}
process.stdout.write(JSON.stringify(results));
