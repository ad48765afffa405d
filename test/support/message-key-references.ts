/**
 * Which catalog keys the code refers to, read with the TypeScript compiler rather than a grep:
 * every string literal in src/ and commands/ (calls like `t('partner.updated')`, key tables,
 * vocabulary labels), and every template literal expanded through its parts' types
 * (`partner.setting.${setting}` with `setting: SharedSetting` names each setting's key). A part
 * typed plain `string` matches any text, so such a template counts every key it could build;
 * only templates that start like a key (`post.`) count.
 * Tests and the catalogs themselves are not references.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(ROOT, folder, file))
    .filter((file) => !relative(ROOT, file).startsWith(join('src', 'core', 'i18n', 'catalogs')))
    .filter((file) => !relative(ROOT, file).startsWith(join('src', 'db', 'generated')));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The texts a part of a template can be: its literal types, or null for "any text". */
function partTexts(checker: ts.TypeChecker, expression: ts.Expression): string[] | null {
  const type = checker.getTypeAtLocation(expression);
  const members = type.isUnion() ? type.types : [type];
  const texts: string[] = [];
  for (const member of members) {
    if (member.isStringLiteral()) texts.push(member.value);
    else if (member.isNumberLiteral()) texts.push(String(member.value));
    else return null;
  }
  return texts;
}

/** One regular expression per template: its literal parts, and each typed part's alternatives. */
function templatePattern(checker: ts.TypeChecker, template: ts.TemplateExpression): RegExp {
  let source = escapeRegExp(template.head.text);
  for (const span of template.templateSpans) {
    const texts = partTexts(checker, span.expression);
    source += texts ? `(?:${texts.map(escapeRegExp).join('|')})` : '.+';
    source += escapeRegExp(span.literal.text);
  }
  return new RegExp(`^${source}$`);
}

/** A template builds a key only when it starts like one (`post.`, `partner.setting.`). */
const KEY_GROUP = /^[a-z][a-z-]*\./;

export interface KeyReferences {
  literals: Set<string>;
  templates: RegExp[];
}

export function messageKeyReferences(): KeyReferences {
  const files = [...sourceFiles('src'), ...sourceFiles('commands')];
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const references: KeyReferences = { literals: new Set(), templates: [] };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      references.literals.add(node.text);
    } else if (ts.isTemplateExpression(node) && KEY_GROUP.test(node.head.text)) {
      references.templates.push(templatePattern(checker, node));
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source) visit(source);
  }
  return references;
}

export function isReferenced(key: string, references: KeyReferences): boolean {
  return references.literals.has(key) || references.templates.some((pattern) => pattern.test(key));
}
