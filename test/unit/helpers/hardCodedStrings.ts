/**
 * Finds user-visible text written into the source instead of taken from _locales: text between
 * JSX tags, text in JSX attributes people see or hear (aria-label, title, alt, placeholder), and
 * any string literal that reads as prose (two words or more). Not flagged: class names, imports,
 * developers' error details (`new Error(...)`, `new MoodtabError(...)`), and lines that say why
 * with `i18n-exempt: reason`.
 */
import ts from 'typescript';

export interface HardCodedString {
  line: number;
  text: string;
}

const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'alt',
  'placeholder',
  'label',
]);
const LETTER = /\p{L}/u;
/** Two words of letters with a space between: prose, not a key, a class or a URL. */
const PROSE = /\p{L}{2,}[,.;:!?…]?\s+\p{L}{2,}/u;
const DEVELOPER_ERRORS = new Set(['Error', 'MoodtabError', 'TypeError', 'RangeError']);

function isExempt(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (ts.isImportDeclaration(current) || ts.isExportDeclaration(current)) return true;
    if (ts.isJsxAttribute(current) && ['class', 'className'].includes(current.name.getText())) return true;
    if (ts.isNewExpression(current) && DEVELOPER_ERRORS.has(current.expression.getText())) return true;
    if (ts.isLiteralTypeNode(current)) return true;
  }
  return false;
}

export function findHardCodedStrings(fileName: string, source: string): HardCodedString[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const exemptLines = new Set(
    source.split('\n').flatMap((line, index) => (/i18n-exempt: \S/.test(line) ? [index + 1] : [])),
  );
  const found: HardCodedString[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (!exemptLines.has(line)) found.push({ line, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    else if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const spoken =
        ts.isJsxAttribute(node.parent) &&
        SPOKEN_ATTRIBUTES.has(node.parent.name.getText()) &&
        LETTER.test(node.text);
      if ((spoken || PROSE.test(node.text)) && !isExempt(node)) report(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Text in an HTML page outside its tags: every page's words come from the script, in the user's language. */
export function findHtmlText(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<!doctype[^>]*>/gi, '')
    .replace(/<[^>]+>/g, '\n');
  return text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => LETTER.test(part));
}
