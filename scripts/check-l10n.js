#!/usr/bin/env node
// Finds user-facing string literals in src/ that are not localizable: every message, label, title,
// tooltip, button and error a user can read goes through `vscode.l10n.t` (or `l10n.t` of
// @vscode/l10n where vscode is not imported), so that @vscode/l10n-dev exports it to
// l10n/bundle.l10n.json. Run by the unit tests (test/unit/scripts/checkL10n.test.ts) and by hand:
//   node scripts/check-l10n.js [files or folders…]   (default: src)
//
// What counts as user-facing (read with the TypeScript compiler, not regular expressions):
// - prose: a literal with two words or more ("Deleting the connection…", `Deleted '${name}'.`);
// - a single capitalised word where the user reads it: a `label`, `title`, `description`, `detail`,
//   `tooltip`, `placeHolder`, `prompt`, `message` or `buttonLabel` property, or a button of a message.
// What does not: the text given to l10n.t itself, module names, literal types, comparisons and
// `case` labels (Azure's values), the log and the audit (an engineer's record, kept in English, as
// VS Code's own logs are), and a literal on a line marked `// not user-facing: <why>` (or the line
// after such a comment) — for what Azure reads, such as a Resource Graph query.
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const sinkProperties = new Set(['label', 'title', 'description', 'detail', 'tooltip', 'placeHolder', 'prompt', 'message', 'buttonLabel', 'openLabel']);
const messageCalls = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showMessage']);
const logMethods = new Set(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'log', 'write']);
const logReceiver = /(^|\.)(log|logger|output|outputChannel|console|audit|auditLog)$/i;
const optOut = /\/\/\s*not user-facing\b/;

/** The static text of a literal (a template's parts without what is substituted). */
function staticText(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
}

function isProse(text) {
  return /[A-Za-z]\S*\s+\S*[A-Za-z]/.test(text) || /[A-Za-z]…$/.test(text.trim());
}

function isCapitalisedWord(text) {
  return /^[A-Z][A-Za-z-]*[a-z][A-Za-z-]*\s*[.…]?$/.test(text.trim());
}

function calleeName(call) {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return { name: callee.text, receiver: '' };
  if (ts.isPropertyAccessExpression(callee)) return { name: callee.name.text, receiver: callee.expression.getText() };
  return { name: '', receiver: '' };
}

function isLocalizeCall(call) {
  const { name, receiver } = calleeName(call);
  return name === 't' && (receiver === '' || /(^|\.)l10n$/.test(receiver));
}

function isLogCall(call) {
  const { name, receiver } = calleeName(call);
  return logMethods.has(name) && logReceiver.test(receiver);
}

/** Why the literal is not the user's to read, or undefined when it is. */
function exemption(node, lines, sourceFile) {
  const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
  if (optOut.test(lines[line] ?? '') || optOut.test(lines[line - 1] ?? '')) return 'marked';
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent) || ts.isModuleDeclaration(parent) || ts.isExternalModuleReference(parent)) return 'module';
    if (ts.isLiteralTypeNode(parent) || ts.isTypeNode(parent)) return 'type';
    if (ts.isCaseClause(parent) && parent.expression === child) return 'case';
    if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(parent.operatorToken.kind)) return 'comparison';
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      if (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) return 'module';
      if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'require') return 'module';
      if (ts.isCallExpression(parent) && isLocalizeCall(parent) && parent.arguments[0] === child) return 'localized';
      if (ts.isCallExpression(parent) && isLogCall(parent)) return 'log';
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) return undefined;
  }
  return undefined;
}

/** Whether a single word is read by the user where it stands. */
function inSink(node) {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    const name = parent.name.getText().replace(/['"]/g, '');
    return sinkProperties.has(name);
  }
  if (ts.isCallExpression(parent) && parent.arguments.includes(node)) {
    return messageCalls.has(calleeName(parent).name);
  }
  if (ts.isConditionalExpression(parent) && parent.condition !== node) return inSink(parent);
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) return inSink(parent);
  return false;
}

/** The findings of one file's text: `{ file, line, text }` per literal a user reads that l10n cannot translate. */
function checkSource(fileName, text) {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = text.split('\n');
  const findings = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const literal = staticText(node);
      const userFacing = isProse(literal) || (isCapitalisedWord(literal) && inSink(node));
      if (userFacing && !exemption(node, lines, sourceFile)) {
        findings.push({ file: fileName, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1, text: node.getText(sourceFile) });
      }
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

function sourceFiles(target) {
  const stat = fs.statSync(target);
  if (stat.isFile()) return /\.tsx?$/.test(target) && !/\.d\.ts$/.test(target) ? [target] : [];
  return fs.readdirSync(target).sort().flatMap((entry) => sourceFiles(path.join(target, entry)));
}

/** The findings of every TypeScript file under these files or folders. */
function check(targets) {
  return targets.flatMap(sourceFiles).flatMap((file) => checkSource(path.relative(process.cwd(), file), fs.readFileSync(file, 'utf8')));
}

module.exports = { check, checkSource };

if (require.main === module) {
  const targets = process.argv.slice(2);
  const findings = check(targets.length ? targets : [path.join(__dirname, '..', 'src')]);
  for (const finding of findings) console.log(`${finding.file}:${finding.line}: ${finding.text}`);
  if (findings.length) {
    console.error(`\n${findings.length} user-facing string(s) not localizable: wrap each in vscode.l10n.t(…) (l10n.t of @vscode/l10n where vscode is not imported).`);
    process.exit(1);
  }
  console.log('Every user-facing string is localizable.');
}
