// Findings → LSP diagnostics: source `g0guard`, code = rule id with a link to the rule's page, the
// evidence as related information (every hop, in Go and C files), and `data` that finds the finding
// again for a code action: the finding's key plus the document version it was computed on.
import type { ConfigFailure } from '../config/config';
import { LineIndex } from '../text/line-index';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { findingKey, type Finding, type Severity } from '../findings/finding';
import type { SourceFile } from '../model/package';
import { ruleDocUrl } from '../rules/rule-docs';
import type { PositionCodec } from './position-encoding';
import { pathToUri } from './uri';
import type { InternalError } from './workspace';

export const SOURCE = 'g0guard';
export const INTERNAL_ERROR = 'internal-error';

/** What `diagnostic.data` carries: enough to find the finding and to refuse a stale fix. */
export interface DiagnosticData {
  rule: string;
  /** findingKey() of the finding. */
  key: string;
  /** The document version the finding was computed on (null for a file that is not open). */
  version: number | null;
  uri: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information,
};

export function toDiagnostic(f: Finding, codec: PositionCodec, version: number | null): Diagnostic {
  const uri = pathToUri(f.file.path);
  const data: DiagnosticData = { rule: f.rule, key: findingKey(f), version, uri };
  const d: Diagnostic = {
    range: rangeOf(codec, f.file, f.span.start, f.span.end),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    source: SOURCE,
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    message: f.message,
    data,
  };
  if (f.related.length) d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({
    location: { uri: pathToUri(r.file.path), range: rangeOf(codec, r.file, r.span.start, r.span.end) },
    message: r.message,
  }));
  // A suppression that silences nothing is dead text: editors grey it out.
  if (f.rule === 'g0guard-ignore' && /matches no finding/.test(f.message)) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

/** A notice about a whole file, shown at its top. */
function atFileTop(severity: DiagnosticSeverity, code: string, message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, source: SOURCE, code, message };
}

/** The engine failed on something in this file: say so at the top, the other rules' results stay. */
export function internalErrorDiagnostic(e: InternalError): Diagnostic {
  return atFileTop(DiagnosticSeverity.Error, INTERNAL_ERROR, `g0guard internal error: ${e.message}. Please report it with the g0guard output log.`);
}

/** Loader notices (file too big, binary, unreadable) on the file they concern. */
export function problemDiagnostic(message: string): Diagnostic {
  return atFileTop(DiagnosticSeverity.Information, 'skipped', `g0guard: ${message}`);
}

/** A configuration problem (unknown key, bad value) shown on `.g0guard.json`. */
export function configDiagnostic(message: string): Diagnostic {
  return atFileTop(DiagnosticSeverity.Warning, 'config', message);
}

/** A `.g0guard.json` that cannot be used at all: an error where JSON.parse stopped (else at the top). */
export function configFailureDiagnostic(codec: PositionCodec, failure: ConfigFailure): Diagnostic {
  const d = atFileTop(DiagnosticSeverity.Error, 'config', `${failure.message}; the defaults apply until it is fixed`);
  const { text, offset } = failure;
  if (text !== undefined && offset !== undefined) d.range = codec.range(new LineIndex(text), offset, Math.min(text.length, offset + 1));
  return d;
}

export function rangeOf(codec: PositionCodec, file: SourceFile, start: number, end: number) {
  return codec.range(file.lines, start, end);
}

export function isDiagnosticData(x: unknown): x is DiagnosticData {
  const d = x as DiagnosticData;
  return !!d && typeof d === 'object' && typeof d.key === 'string' && typeof d.rule === 'string';
}
