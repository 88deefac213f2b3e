/**
 * The playground island: paste a response, get the verdict; or check your
 * own API's error response against its contract; and share a case safely.
 *
 * All work on the pasted text happens in a Web Worker (classify.worker.ts);
 * this component only keeps state and renders. Its one request is for the
 * site's own catalog data, when it mounts; nothing pasted is ever sent.
 */
import { lazy, startTransition, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { LintTarget } from '../linter/index.ts';
import { BodyView, decidingKeys } from './BodyView.tsx';
import { loadPlaygroundData, type PlaygroundData } from './examples.ts';
import { LintFindings } from './LintFindings.tsx';
import type { InitMessage, PlaygroundMode, WorkMessage, WorkerReply, WorkResult } from './protocol.ts';
import { ResultCard, retryLabel } from './ResultCard.tsx';
import { RecentCases } from './RecentCases.tsx';
import { SharePanel } from './SharePanel.tsx';
import { exampleFragment, readFragment } from './share.ts';

/** Batch triage is its own chunk: it loads when the user first picks that mode. */
const BatchTriage = lazy(() => import('./BatchTriage.tsx'));

/** Typing pauses shorter than this do not start a new classification. */
const DEBOUNCE_MS = 120;

export default function Playground() {
	const [data, setData] = useState<PlaygroundData | undefined | 'loading'>('loading');
	useEffect(() => {
		let live = true;
		void loadPlaygroundData(import.meta.env.BASE_URL).then((loaded) => live && setData(loaded));
		return () => {
			live = false;
		};
	}, []);
	const [text, setText] = useState('');
	const [status, setStatus] = useState('');
	const [headers, setHeaders] = useState('');
	const [mode, setMode] = useState<PlaygroundMode>('explain');
	/** Once opened, batch triage stays mounted (hidden in the other modes), so its log survives a mode switch. */
	const [batchOpened, setBatchOpened] = useState(false);
	const [target, setTarget] = useState<LintTarget | 'auto'>('auto');
	const [example, setExample] = useState('');
	const [outcome, setOutcome] = useState<WorkResult | null>(null);
	const [busy, setBusy] = useState(false);
	const worker = useRef<Worker | null>(null);
	const latest = useRef(0);
	const ids = { input: useId(), status: useId(), headers: useId(), example: useId(), target: useId(), file: useId() };

	useEffect(() => {
		if (!data || data === 'loading') return;
		const instance = new Worker(new URL('./classify.worker.ts', import.meta.url), { type: 'module' });
		instance.postMessage({ type: 'init', data: data.classifier } satisfies InitMessage);
		instance.onmessage = (event: MessageEvent<WorkerReply>) => {
			// Answers for older input are dropped; batch replies are BatchTriage's.
			if (event.data.type !== 'result' || event.data.id !== latest.current) return;
			const reply = event.data;
			// A transition lets React render a big result in slices, keeping typing responsive.
			startTransition(() => {
				setOutcome(reply);
				setBusy(false);
			});
		};
		worker.current = instance;
		const fragment = readFragment(location.hash);
		if (fragment.kind === 'input') setText(fragment.text);
		if (fragment.kind === 'example') {
			const found = data.examples.find((item) => item.id === fragment.id);
			if (found) {
				setText(found.text);
				setExample(found.id);
			}
		}
		return () => instance.terminate();
	}, [data]);

	useEffect(() => {
		const instance = worker.current;
		if (!instance || mode === 'batch') return;
		const id = ++latest.current;
		if (text.trim() === '') {
			setOutcome(null);
			setBusy(false);
			return;
		}
		setBusy(true);
		const timer = setTimeout(() => {
			instance.postMessage({ type: 'work', id, text, status, headers, mode, target } satisfies WorkMessage);
		}, DEBOUNCE_MS);
		return () => clearTimeout(timer);
	}, [text, status, headers, mode, target, data]);

	if (data === 'loading') return <p className="atlas-pg-loading">Loading the catalog…</p>;
	if (!data) return <p>The playground could not load its data. The reference pages work without it.</p>;

	const groups = [...new Set(data.examples.map((item) => item.group))];
	const result = outcome?.result;
	const sourceName = result ? (data.classifier.sourceNames[result.source ?? result.format] ?? result.format) : '';
	const announcement = busy
		? ''
		: result
			? `${result.title}. ${result.category}. ${retryLabel(result).text}.${outcome?.lint ? ` ${outcome.lint.findings.length} finding(s).` : ''}`
			: '';

	return (
		<div className="atlas-pg" data-has-result={result ? '' : undefined} data-mode={mode}>
			<div className="atlas-pg-input-pane">
				<div className="atlas-pg-modes" role="radiogroup" aria-label="What to do with the response">
					<label>
						<input type="radio" name="atlas-pg-mode" checked={mode === 'explain'} onChange={() => setMode('explain')} />{' '}
						Explain a response I got
					</label>
					<label>
						<input type="radio" name="atlas-pg-mode" checked={mode === 'check'} onChange={() => setMode('check')} />{' '}
						Check my API’s error response
					</label>
					<label>
						<input
							type="radio"
							name="atlas-pg-mode"
							checked={mode === 'batch'}
							onChange={() => {
								setMode('batch');
								setBatchOpened(true);
							}}
						/>{' '}
						Triage a log (HAR or JSON Lines)
					</label>
				</div>

				<div className="atlas-pg-row">
					<label htmlFor={ids.example}>Load an example</label>
					<select
						id={ids.example}
						value={example}
						onChange={(event) => {
							const found = data.examples.find((item) => item.id === event.target.value);
							setExample(event.target.value);
							if (found) {
								setText(found.text);
								history.replaceState(null, '', exampleFragment(found.id));
							}
						}}
					>
						<option value="">Choose a catalog example…</option>
						{groups.map((group) => (
							<optgroup key={group} label={group}>
								{data.examples
									.filter((item) => item.group === group)
									.map((item) => (
										<option key={item.id} value={item.id}>
											{item.label}
										</option>
									))}
							</optgroup>
						))}
					</select>
					{mode === 'check' && (
						<>
							<label htmlFor={ids.target}>Contract</label>
							<select
								id={ids.target}
								value={target}
								onChange={(event) => setTarget(event.target.value as LintTarget | 'auto')}
							>
								<option value="auto">Detect</option>
								<option value="rfc9457">RFC 9457 problem details</option>
								<option value="synchive-publish-error">SyncHive publish-error (PUT /v1/data)</option>
								<option value="synchive-process-error">SyncHive process-error (PUT /v1/process)</option>
							</select>
						</>
					)}
				</div>

				<label htmlFor={ids.input} className="atlas-pg-label">
					Response: the raw HTTP response (curl -i or -v), a body alone, a {'{status, headers, body}'} object, or a HAR
					file
				</label>
				<textarea
					id={ids.input}
					className="atlas-pg-input"
					spellCheck={false}
					autoComplete="off"
					rows={12}
					value={text}
					placeholder={
						'HTTP/1.1 409 Conflict\nContent-Type: application/json\n\n{"id":"err_…","code":409,"type":"ResourceLockedConflict",…}'
					}
					onChange={(event) => {
						setText(event.target.value);
						setExample('');
					}}
					onDragOver={(event) => event.preventDefault()}
					onDrop={(event) => {
						const file = event.dataTransfer.files[0];
						if (!file) return;
						event.preventDefault();
						void file.text().then(setText);
					}}
				/>
				<div className="atlas-pg-row">
					<label htmlFor={ids.file} className="atlas-pg-file">
						Open a file (.http, .json, .har, .txt)…
					</label>
					<input
						id={ids.file}
						type="file"
						accept=".http,.json,.har,.txt,.xml,.html,.log,text/*,application/json"
						onChange={(event) => {
							const file = event.target.files?.[0];
							if (file) void file.text().then(setText);
						}}
					/>
					<SharePanel text={text} />
				</div>

				<details className="atlas-pg-extras">
					<summary>Status and headers, for a body pasted alone</summary>
					<div className="atlas-pg-row">
						<label htmlFor={ids.status}>HTTP status</label>
						<input
							id={ids.status}
							inputMode="numeric"
							size={5}
							value={status}
							onChange={(event) => setStatus(event.target.value.replace(/\D/g, '').slice(0, 3))}
						/>
					</div>
					<label htmlFor={ids.headers}>Headers, one "Name: value" per line</label>
					<textarea
						id={ids.headers}
						rows={3}
						spellCheck={false}
						value={headers}
						onChange={(event) => setHeaders(event.target.value)}
					/>
				</details>
				<RecentCases
					current={
						result && mode === 'explain' && !busy ? { text, title: result.title, category: result.category } : undefined
					}
					onOpen={(opened) => {
						setText(opened);
						setExample('');
					}}
				/>
			</div>

			{/* Beside the input on wide screens, above it on narrow ones: the verdict is where you look after a paste. */}
			<div className="atlas-pg-answer-pane">
				<div role="status" aria-live="polite" className="sr-only">
					{announcement}
				</div>
				{busy && !result && <p className="atlas-pg-busy">Reading the response…</p>}
				{!busy && !result && (
					<p className="atlas-pg-hint">
						The explanation appears here: which system sent it, what it means, who acts, and whether to retry.
					</p>
				)}
				{result && (
					<div className="atlas-pg-results" aria-busy={busy}>
						<ResultCard result={result} sourceName={sourceName} />
						{outcome?.lint && <LintFindings report={outcome.lint} />}
						{outcome?.body && (
							<BodyView body={outcome.body} marked={decidingKeys(result.evidence.map((item) => item.field))} />
						)}
					</div>
				)}
			</div>

			{/* In batch mode, the panes above are hidden (playground.css) and keep their state. */}
			{batchOpened && (
				<div className="atlas-pg-batch" hidden={mode !== 'batch'}>
					<Suspense fallback={<p className="atlas-pg-busy">Loading batch triage…</p>}>
						<BatchTriage worker={worker} />
					</Suspense>
				</div>
			)}
		</div>
	);
}
