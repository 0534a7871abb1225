/**
 * Extracts the ```ts examples from TSDoc comments and turns them into runnable modules whose
 * `// => <literal>` lines are assertions. Used by `test/examples.test.ts`; pure (no I/O) so that it
 * can be tested on its own (`test/examples/extract.test.ts`).
 */
import ts from 'typescript';

/** One ```ts fenced block found in a TSDoc comment. */
export interface ExampleBlock {
  /** Source file, relative to the repository root, with forward slashes (`src/numeric/ratio.ts`). */
  readonly file: string;
  /** 1-based line in `file` of the first code line of the block (the line after the fence). */
  readonly line: number;
  /** The exported symbol the comment documents, or `null` when none could be found. */
  readonly symbol: string | null;
  /** The code, with the comment's leading ` * ` removed; line i of `code` is line `line + i` of `file`. */
  readonly code: string;
}

/** One `// =>` assertion of a block. */
export interface ExampleAssertion {
  /** 1-based line in the source file of the start of the asserted statement. */
  readonly line: number;
  /** 1-based line in the source file of the `// =>` comment. */
  readonly arrowLine: number;
  /** The asserted expression (or variable), as written. */
  readonly code: string;
  /** The expected literal, as written (trailing comments removed). */
  readonly expected: string;
}

/** A block turned into module source. */
export interface GeneratedExample {
  /** Module source. Line n of it is line n of the block's source file (so stack traces match). */
  readonly source: string;
  readonly assertions: readonly ExampleAssertion[];
  /** Value imports from rewritten specifiers, to check that each name is exported. */
  readonly imports: readonly ExampleImport[];
}

/** Names an example imports from a rewritten specifier (`'cchc-index'`). */
export interface ExampleImport {
  /** 1-based line in the source file. */
  readonly line: number;
  readonly specifier: string;
  /** The specifier used instead, relative to the generated module. */
  readonly target: string;
  readonly names: readonly string[];
}

/** A problem with the way an example is written (not with the library): reported as a test failure. */
export class ExampleSyntaxError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ExampleSyntaxError';
  }
}

const FENCE_OPEN = /^\s*```(ts|typescript)\s*$/;
const FENCE_CLOSE = /^\s*```\s*$/;
const DECLARATION =
  /^\s*export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/;
const MEMBER = /^\s*(?:(?:public|protected|static|readonly|async|get|set)\s+)*([A-Za-z_$][\w$]*)\s*[(<:=?!]/;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The symbol declared right after a doc comment: `ratio`, or `CchcError.code` for a member. */
function symbolAfter(source: string, commentEnd: number): string | null {
  const rest = source.slice(commentEnd).replace(/^\s*\n/, '');
  const firstLine = rest.split('\n', 1)[0] ?? '';
  const exported = DECLARATION.exec(firstLine);
  if (exported) return exported[1]!;
  const member = MEMBER.exec(firstLine);
  if (member) {
    // A member of a class or interface: name it after the closest exported container above.
    const before = source.slice(0, commentEnd).split('\n').reverse();
    for (const text of before) {
      const container = DECLARATION.exec(text);
      if (container && /^export/.test(text.trim())) return `${container[1]}.${member[1]}`;
    }
    return member[1]!;
  }
  return null;
}

/** Every ```ts fenced block inside the `/** … *\/` comments of one source file. */
export function findExampleBlocks(source: string, file: string): ExampleBlock[] {
  const blocks: ExampleBlock[] = [];
  const comment = /\/\*\*[\s\S]*?\*\//g;
  for (let match = comment.exec(source); match !== null; match = comment.exec(source)) {
    const startLine = lineAt(source, match.index);
    const lines = match[0].split('\n').map((raw, i) => {
      let text = raw;
      if (i === 0) text = text.replace(/^\/\*\*\s?/, '');
      text = text.replace(/\s*\*\/$/, '');
      return text.replace(/^\s*\* ?/, '');
    });
    const symbol = symbolAfter(source, match.index + match[0].length);
    let open: { at: number } | null = null;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!;
      if (open === null) {
        if (FENCE_OPEN.test(text)) open = { at: i };
      } else if (FENCE_CLOSE.test(text)) {
        blocks.push({
          file,
          line: startLine + open.at + 1,
          symbol,
          code: lines.slice(open.at + 1, i).join('\n'),
        });
        open = null;
      }
    }
    if (open !== null)
      throw new ExampleSyntaxError(file, startLine + open.at, 'a ```ts fence is never closed.');
  }
  return blocks;
}

function parseDiagnostics(sf: ts.SourceFile): readonly ts.Diagnostic[] {
  return (sf as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
}

function diagnosticText(d: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(d.messageText, ' ');
}

/**
 * Parses an expected literal. Returns the literal without trailing comments, or `null` when the
 * text is not (yet) one complete expression.
 */
function parseLiteral(text: string): string | null {
  const wrapped = `(${text}\n)`;
  const sf = ts.createSourceFile('literal.ts', wrapped, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  if (parseDiagnostics(sf).length > 0 || sf.statements.length !== 1) return null;
  const statement = sf.statements[0]!;
  if (!ts.isExpressionStatement(statement) || !ts.isParenthesizedExpression(statement.expression))
    return null;
  if (statement.expression.end !== wrapped.length) return null;
  const inner = statement.expression.expression;
  if (!isLiteral(inner)) return null;
  return wrapped.slice(inner.getStart(sf), inner.end);
}

/** A plain JS literal: number, string, boolean, null, undefined, NaN, Infinity, arrays and objects of those. */
function isLiteral(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isLiteral(node.expression);
  if (
    ts.isNumericLiteral(node) ||
    ts.isBigIntLiteral(node) ||
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword
  ) {
    return true;
  }
  if (ts.isIdentifier(node)) return ['undefined', 'NaN', 'Infinity'].includes(node.text);
  if (ts.isPrefixUnaryExpression(node)) {
    return (
      (node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken) &&
      isLiteral(node.operand)
    );
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((element) => isLiteral(element));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every(
      (property) =>
        ts.isPropertyAssignment(property) &&
        (ts.isIdentifier(property.name) ||
          ts.isStringLiteral(property.name) ||
          ts.isNumericLiteral(property.name)) &&
        isLiteral(property.initializer),
    );
  }
  return false;
}

interface Comment {
  readonly pos: number;
  readonly end: number;
  readonly text: string;
  /** Index (0-based) of the comment's line in the block. */
  readonly line: number;
  /** Whether only whitespace precedes the comment on its line. */
  readonly wholeLine: boolean;
}

/** Every `//` comment of a parsed block, in order (found through the tokens, so never inside strings). */
function lineComments(sf: ts.SourceFile): Comment[] {
  const text = sf.text;
  const seen = new Map<number, Comment>();
  const add = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (range.kind !== ts.SyntaxKind.SingleLineCommentTrivia || seen.has(range.pos)) continue;
      const { line, character } = sf.getLineAndCharacterOfPosition(range.pos);
      const lineStart = range.pos - character;
      seen.set(range.pos, {
        pos: range.pos,
        end: range.end,
        text: text.slice(range.pos, range.end),
        line,
        wholeLine: text.slice(lineStart, range.pos).trim() === '',
      });
    }
  };
  const visit = (node: ts.Node) => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    for (const child of node.getChildren(sf)) visit(child);
  };
  visit(sf);
  add(ts.getLeadingCommentRanges(text, sf.endOfFileToken.pos));
  return [...seen.values()].sort((a, b) => a.pos - b.pos);
}

/** Every statement of the block, at any depth (inside try/catch, blocks, functions). */
function allStatements(sf: ts.SourceFile): ts.Statement[] {
  const out: ts.Statement[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isSourceFile(node) ||
      ts.isBlock(node) ||
      ts.isModuleBlock(node) ||
      ts.isCaseClause(node) ||
      ts.isDefaultClause(node)
    ) {
      // containers: their statements are collected below
    } else if (isStatement(node)) {
      out.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function isStatement(node: ts.Node): node is ts.Statement {
  return (
    ts.isExpressionStatement(node) ||
    ts.isVariableStatement(node) ||
    ts.isIfStatement(node) ||
    ts.isTryStatement(node) ||
    ts.isForStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isWhileStatement(node) ||
    ts.isDoStatement(node) ||
    ts.isReturnStatement(node) ||
    ts.isThrowStatement(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isImportDeclaration(node) ||
    ts.isSwitchStatement(node) ||
    ts.isBlock(node) ||
    ts.isEmptyStatement(node)
  );
}

const ARROW = /^\/\/\s*=>/;

export interface GenerateOptions {
  /** Maps a module specifier used in the example (`'cchc-index'`) to the one to import instead. */
  readonly resolve: (specifier: string) => string | null;
  /** Module that exports `exampleContext(id)`, as imported from the generated file. */
  readonly runtime: string;
  /** Identifier of this example, passed to `exampleContext`. */
  readonly id: string;
}

interface Edit {
  readonly pos: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Turns a block into a module. Each asserted statement `expr;` becomes `__example.v = (expr);` and
 * its `// => literal` lines become `__example.check(__example.v, (literal), index);` on the same
 * lines, so the module's line numbers stay those of the source file.
 */
export function generateExample(block: ExampleBlock, options: GenerateOptions): GeneratedExample {
  const { file } = block;
  const at = (blockLine: number) => block.line + blockLine;
  const sf = ts.createSourceFile('example.ts', block.code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const syntax = parseDiagnostics(sf);
  if (syntax.length > 0) {
    const first = syntax[0]!;
    const line = sf.getLineAndCharacterOfPosition(first.start ?? 0).line;
    throw new ExampleSyntaxError(file, at(line), `the example does not parse: ${diagnosticText(first)}`);
  }
  const edits: Edit[] = [];
  const assertions: ExampleAssertion[] = [];
  const imports: ExampleImport[] = [];

  // Imports from 'cchc-index' (static and dynamic) point at the sources.
  const rewriteSpecifier = (literal: ts.StringLiteralLike) => {
    const target = options.resolve(literal.text);
    if (target === null) return null;
    edits.push({ pos: literal.getStart(sf), end: literal.end, text: JSON.stringify(target) });
    return target;
  };
  const visitImports = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (!ts.isStringLiteralLike(node.moduleSpecifier)) return;
      const target = rewriteSpecifier(node.moduleSpecifier);
      const bindings = ts.isImportDeclaration(node) ? node.importClause : undefined;
      if (
        target !== null &&
        bindings &&
        !bindings.isTypeOnly &&
        bindings.namedBindings &&
        ts.isNamedImports(bindings.namedBindings)
      ) {
        const names = bindings.namedBindings.elements
          .filter((element) => !element.isTypeOnly)
          .map((element) => (element.propertyName ?? element.name).text);
        const line = at(sf.getLineAndCharacterOfPosition(node.getStart(sf)).line);
        imports.push({ line, specifier: node.moduleSpecifier.text, target, names });
      }
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      rewriteSpecifier(node.arguments[0]);
    }
    ts.forEachChild(node, visitImports);
  };
  visitImports(sf);

  const comments = lineComments(sf);
  const statements = allStatements(sf);
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;

  for (let c = 0; c < comments.length; c++) {
    const first = comments[c]!;
    if (!ARROW.test(first.text)) continue;
    // Collect the literal, over `// ` continuation lines while it is incomplete.
    const parts = [first.text.replace(ARROW, '')];
    let last = first;
    let expected = parseLiteral(parts.join('\n'));
    while (expected === null) {
      const next = comments[c + 1];
      if (next === undefined || !next.wholeLine || next.line !== last.line + 1 || ARROW.test(next.text)) {
        throw new ExampleSyntaxError(
          file,
          at(first.line),
          `the expected value after "// =>" is not one complete JS literal: ${parts.join(' ').trim()}`,
        );
      }
      parts.push(next.text.replace(/^\/\/ ?/, ''));
      last = next;
      c++;
      expected = parseLiteral(parts.join('\n'));
    }

    // The statement it belongs to: ends on the line right above (or on the same line, before it).
    const targetLine = first.wholeLine ? first.line - 1 : first.line;
    const candidates = statements.filter((s) => s.end <= first.pos && lineOf(s.end) === targetLine);
    let statement: ts.Statement | undefined;
    for (const s of candidates) {
      if (
        statement === undefined ||
        s.end > statement.end ||
        (s.end === statement.end && s.pos < statement.pos)
      ) {
        statement = s;
      }
    }
    if (statement === undefined || (first.wholeLine && hasCodeBetween(sf, statement.end, first.pos))) {
      throw new ExampleSyntaxError(
        file,
        at(first.line),
        '"// =>" must come right after a statement (on the next line, or at the end of its line).',
      );
    }
    let actual: string;
    let code: string;
    if (ts.isExpressionStatement(statement)) {
      const expression = statement.expression;
      code = expression.getText(sf);
      edits.push({ pos: expression.getStart(sf), end: expression.getStart(sf), text: '__example.v = (' });
      edits.push({ pos: expression.end, end: expression.end, text: ')' });
      actual = '__example.v';
    } else if (
      ts.isVariableStatement(statement) &&
      statement.declarationList.declarations.length === 1 &&
      ts.isIdentifier(statement.declarationList.declarations[0]!.name)
    ) {
      actual = statement.declarationList.declarations[0]!.name.text;
      code = actual;
    } else {
      throw new ExampleSyntaxError(
        file,
        at(first.line),
        `"// =>" follows a ${ts.SyntaxKind[statement.kind]}: it must follow an expression statement or a single variable declaration.`,
      );
    }
    const index = assertions.length;
    assertions.push({ line: at(lineOf(statement.getStart(sf))), arrowLine: at(first.line), code, expected });
    // Replace the comment lines by the check, keeping the number of lines.
    const newlines = last.line - first.line - (expected.match(/\n/g)?.length ?? 0);
    edits.push({
      pos: first.pos,
      end: last.end,
      text: `__example.check(${actual}, (${expected}), ${index});${'\n'.repeat(Math.max(0, newlines))}`,
    });
  }

  edits.sort((a, b) => b.pos - a.pos || b.end - a.end);
  let code = block.code;
  for (const edit of edits) code = code.slice(0, edit.pos) + edit.text + code.slice(edit.end);
  const header =
    `import { exampleContext as __exampleContext } from ${JSON.stringify(options.runtime)}; ` +
    `const __example = __exampleContext(${JSON.stringify(options.id)}); ` +
    '// generated by test/examples.test.ts from the TSDoc example of ' +
    `${file}:${block.line}; do not edit`;
  return { source: `${header}${'\n'.repeat(block.line - 1)}${code}\n`, assertions, imports };
}

/** Whether anything other than whitespace and comments lies between two positions. */
function hasCodeBetween(sf: ts.SourceFile, from: number, to: number): boolean {
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    true,
    ts.LanguageVariant.Standard,
    sf.text.slice(from, to),
  );
  return scanner.scan() !== ts.SyntaxKind.EndOfFileToken;
}
