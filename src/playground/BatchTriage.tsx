/**
 * Batch triage, loaded only when the user picks "Triage a log": paste or
 * open a HAR or JSON Lines, get one row per failed response, sort, filter,
 * open a row's full explanation, export what is shown.
 *
 * The worker splits and classifies the log (batch.ts, classify.worker.ts);
 * this component keeps state and renders. Everything from the log is
 * rendered as React text: no HTML, and URLs are text, not links. Nothing
 * is sent anywhere: the exports are blobs made here.
 */
import { memo, startTransition, useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import {
	MAX_ROWS,
	NOT_READ,
	countBy,
	countCategories,
	filterRows,
	formatCounts,
	retryText,
	rowPlace,
	sortRows,
	toCsv,
	toJsonLines,
	type BatchRow,
	type RowFilter,
	type SortDirection,
	type SortKey,
} from './batch.ts';
import type { BatchDetailMessage, BatchDetailResult, BatchMessage, BatchProgress, WorkerReply } from './protocol.ts';
import { ResultCard } from './ResultCard.tsx';

/** A log is longer than a response: a longer pause before the work starts again. */
const DEBOUNCE_MS = 250;
/** Rows put in the table at a time; the exports hold every row that passes the filters. */
const PAGE_ROWS = 250;
/** A URL is cut at this length in the table (the exports hold it whole). */
const URL_SHOWN = 200;
/**
 * A log longer than this is held outside the text box: every key press in a
 * box of megabytes costs a browser hundreds of milliseconds of layout.
 */
const BOX_LIMIT = 200_000;

const sizeText = (chars: number) =>
	chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.ceil(chars / 1000).toLocaleString('en')} kB`;

interface BatchState {
	id: number;
	rows: BatchRow[];
	done: number;
	total: number;
	finished: boolean;
	summary: BatchProgress['summary'];
	took: number;
}

const COLUMNS: { key: SortKey; label: string }[] = [
	{ key: 'index', label: '#' },
	{ key: 'request', label: 'Request' },
	{ key: 'status', label: 'Status' },
	{ key: 'system', label: 'System' },
	{ key: 'code', label: 'Code' },
	{ key: 'category', label: 'Category' },
	{ key: 'retry', label: 'Retry' },
];

const plural = (count: number, one: string, many = `${one}s`) =>
	`${count.toLocaleString('en')} ${count === 1 ? one : many}`;

function download(name: string, content: string, type: string): void {
	// A local blob: nothing is uploaded.
	const url = URL.createObjectURL(new Blob([content], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function summaryText(state: BatchState): string {
	const { summary } = state;
	const parts: string[] = [];
	if (summary.format === 'har') {
		parts.push(`HAR: ${plural(state.total, 'failed response')} (4xx or 5xx).`);
		if (summary.succeeded > 0)
			parts.push(
				`${plural(summary.succeeded, 'entry', 'entries')} that succeeded ${summary.succeeded === 1 ? 'is' : 'are'} left out.`
			);
		if (summary.noStatus > 0)
			parts.push(
				`${plural(summary.noStatus, 'entry', 'entries')} without an HTTP status (blocked, or failed before any response) ${summary.noStatus === 1 ? 'is' : 'are'} left out.`
			);
	} else if (summary.format === 'jsonl') {
		parts.push(`JSON Lines: ${plural(state.total, 'line')}.`);
	} else if (summary.format === 'json') {
		parts.push(`JSON: ${plural(state.total, 'response')}.`);
	}
	if (summary.overCap > 0)
		parts.push(
			`Only the first ${MAX_ROWS.toLocaleString('en')} are triaged here; ${summary.overCap.toLocaleString('en')} more are left out. Split the log to see them.`
		);
	return parts.join(' ');
}

interface TableProps {
	rows: BatchRow[];
	total: number;
	sort: { key: SortKey; direction: SortDirection };
	onSort: (key: SortKey) => void;
	selected: number | null;
	onSelect: (index: number) => void;
}

const BatchTable = memo(function BatchTable({ rows, total, sort, onSort, selected, onSelect }: TableProps) {
	const sortedBy = COLUMNS.find((column) => column.key === sort.key)?.label ?? '';
	return (
		<div className="atlas-pg-batch-scroll">
			<table className="atlas-pg-batch-table">
				<caption>
					Failed responses: {plural(total, 'row')}, sorted by {sortedBy === '#' ? 'position in the log' : sortedBy} (
					{sort.direction}). Choose a request to see its explanation.
				</caption>
				<thead>
					<tr>
						{COLUMNS.map((column) => (
							<th
								key={column.key}
								scope="col"
								aria-sort={sort.key === column.key ? sort.direction : undefined}
								className={`atlas-pg-batch-col--${column.key}`}
							>
								<button type="button" onClick={() => onSort(column.key)}>
									{column.key === 'index' ? <span aria-label="Position in the log">#</span> : column.label}
									<span aria-hidden="true" className="atlas-pg-batch-arrow">
										{sort.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
									</span>
								</button>
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{rows.map((row) =>
						row.error ? (
							<tr key={row.index} className="atlas-pg-batch-error">
								<td>{rowPlace(row)}</td>
								<th scope="row" colSpan={6}>
									{row.error}
								</th>
							</tr>
						) : (
							<tr key={row.index} data-selected={selected === row.index ? '' : undefined}>
								<td>{rowPlace(row)}</td>
								<th scope="row">
									<button
										type="button"
										className="atlas-pg-batch-open"
										aria-pressed={selected === row.index}
										onClick={() => onSelect(row.index)}
									>
										{row.method || row.url
											? `${row.method ?? ''} ${(row.url ?? '').length > URL_SHOWN ? `${(row.url ?? '').slice(0, URL_SHOWN)}…` : (row.url ?? '')}`.trim()
											: `Response ${rowPlace(row)}`}
									</button>
								</th>
								<td>{row.status ?? '—'}</td>
								<td>{row.system}</td>
								<td>{row.code ? <code>{row.code}</code> : '—'}</td>
								<td>{row.category}</td>
								<td>{retryText(row)}</td>
							</tr>
						)
					)}
				</tbody>
			</table>
		</div>
	);
});

export default function BatchTriage({ worker }: { worker: RefObject<Worker | null> }) {
	const [text, setText] = useState('');
	/** A big log, pasted or opened, held outside the text box. */
	const [held, setHeld] = useState<{ name: string; text: string } | null>(null);
	const log = held?.text ?? text;
	const [state, setState] = useState<BatchState | null>(null);
	const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
		key: 'index',
		direction: 'ascending',
	});
	const [filter, setFilter] = useState<RowFilter>({ category: '', system: '' });
	const [limit, setLimit] = useState(PAGE_ROWS);
	const [selected, setSelected] = useState<number | null>(null);
	const [detail, setDetail] = useState<BatchDetailResult | null>(null);
	const latest = useRef(0);
	/** The batch whose rows are on screen: older rows stay shown while a new log is triaged. */
	const shownId = useRef(0);
	shownId.current = state?.id ?? 0;
	const detailRef = useRef<HTMLDivElement>(null);
	const ids = { input: useId(), file: useId(), category: useId(), system: useId(), note: useId() };

	useEffect(() => {
		const instance = worker.current;
		if (!instance) return;
		const listen = (event: MessageEvent<WorkerReply>) => {
			const message = event.data;
			if (message.type === 'batch-progress') {
				if (message.id !== latest.current) return;
				// A transition: a big chunk of rows renders without blocking typing.
				startTransition(() =>
					setState((previous) => ({
						id: message.id,
						rows: previous?.id === message.id ? previous.rows.concat(message.rows) : message.rows,
						done: message.done,
						total: message.total,
						finished: message.finished,
						summary: message.summary,
						took: message.took,
					}))
				);
			} else if (message.type === 'batch-detail') {
				if (message.id !== latest.current) return;
				setDetail((previous) => (previous?.index === message.index ? previous : message));
			}
		};
		instance.addEventListener('message', listen);
		return () => instance.removeEventListener('message', listen);
	}, [worker]);

	useEffect(() => {
		const instance = worker.current;
		if (!instance) return;
		const id = ++latest.current;
		setSelected(null);
		setDetail(null);
		setLimit(PAGE_ROWS);
		setFilter({ category: '', system: '' });
		if (log.trim() === '') {
			setState(null);
			// An empty batch lets the worker drop the last one.
			instance.postMessage({ type: 'batch', id, text: '' } satisfies BatchMessage);
			return;
		}
		const timer = setTimeout(() => {
			instance.postMessage({ type: 'batch', id, text: log } satisfies BatchMessage);
		}, DEBOUNCE_MS);
		return () => clearTimeout(timer);
	}, [log, worker]);

	const rows = state?.rows;
	const shown = useMemo(
		() => (rows ? sortRows(filterRows(rows, filter), sort.key, sort.direction) : []),
		[rows, filter, sort]
	);
	const categories = useMemo(() => (rows ? countCategories(rows) : []), [rows]);
	const systems = useMemo(
		() => (rows ? countBy(rows, (row) => row.system).filter(([name]) => name !== '') : []),
		[rows]
	);
	const page = useMemo(() => shown.slice(0, limit), [shown, limit]);

	const onSort = useCallback((key: SortKey) => {
		setSort((previous) => ({
			key,
			direction: previous.key === key && previous.direction === 'ascending' ? 'descending' : 'ascending',
		}));
	}, []);
	const onSelect = useCallback(
		(index: number) => {
			// Rows of an older log, still on screen while the new one is read, are not opened.
			if (shownId.current !== latest.current) return;
			setSelected(index);
			setDetail(null);
			worker.current?.postMessage({ type: 'batch-detail', id: latest.current, index } satisfies BatchDetailMessage);
		},
		[worker]
	);

	useEffect(() => {
		// The explanation comes into view (below the table on a narrow screen), without taking the focus.
		if (detail) detailRef.current?.scrollIntoView({ block: 'nearest' });
	}, [detail]);

	const take = (name: string, value: string) => {
		if (value.length > BOX_LIMIT) {
			setHeld({ name, text: value });
			setText('');
		} else {
			setHeld(null);
			setText(value);
		}
	};
	const openFile = (file: File | undefined) => {
		if (file) void file.text().then((value) => take(file.name, value));
	};
	const pending = log.trim() !== '' && (!state || state.id !== latest.current || !state.finished);
	const stale = state !== null && state.id !== latest.current;
	const selectedRow = selected === null ? undefined : rows?.find((row) => row.index === selected);
	const announcement = pending ? '' : state ? `${plural(state.total, 'row')}. ${formatCounts(categories)}` : '';

	return (
		<div className="atlas-pg-batch-pane">
			<label htmlFor={ids.input} className="atlas-pg-label">
				Log: a HAR file (every entry with a 4xx or 5xx status), or JSON Lines, one {'{status, headers, body}'} object
				per line
			</label>
			<textarea
				id={ids.input}
				className="atlas-pg-input atlas-pg-batch-input"
				spellCheck={false}
				autoComplete="off"
				rows={8}
				value={text}
				placeholder={
					held
						? 'Type or paste here to replace the log held below.'
						: '{"status":429,"headers":{"Retry-After":"30"},"body":"{\\"error\\":\\"ratelimited\\"}"}\n…'
				}
				onChange={(event) => {
					setHeld(null);
					setText(event.target.value);
				}}
				onPaste={(event) => {
					const pasted = event.clipboardData.getData('text/plain');
					if (pasted.length <= BOX_LIMIT) return;
					event.preventDefault();
					take('Pasted log', pasted);
				}}
				onDragOver={(event) => event.preventDefault()}
				onDrop={(event) => {
					const file = event.dataTransfer.files[0];
					if (!file) return;
					event.preventDefault();
					openFile(file);
				}}
			/>
			{held && (
				<p className="atlas-pg-row atlas-pg-batch-held">
					<span>
						<strong>{held.name}</strong> ({sizeText(held.text.length)}) is triaged below; it is kept out of the text
						box, where megabytes would make typing slow.
					</span>
					<button type="button" onClick={() => setHeld(null)}>
						Clear the log
					</button>
				</p>
			)}
			<div className="atlas-pg-row">
				<label htmlFor={ids.file} className="atlas-pg-file">
					Open a log (.har, .jsonl, .json)…
				</label>
				<input
					id={ids.file}
					type="file"
					accept=".har,.jsonl,.ndjson,.json,.txt,.log,application/json,text/*"
					onChange={(event) => openFile(event.target.files?.[0])}
				/>
			</div>
			<p className="atlas-pg-privacy">
				The log is read in your browser and never sent anywhere. The table shows it unmasked.
			</p>

			<div role="status" aria-live="polite" className="sr-only">
				{announcement}
			</div>
			{pending && (
				<p className="atlas-pg-busy">
					{state && state.id === latest.current && state.total > 0 ? (
						<>
							<progress max={state.total} value={state.done} aria-label="Triage progress" /> Classified{' '}
							{state.done.toLocaleString('en')} of {state.total.toLocaleString('en')}…
						</>
					) : (
						'Reading the log…'
					)}
				</p>
			)}
			{!state && !pending && (
				<p className="atlas-pg-hint">
					Paste or open a log: a table of its failed responses appears here, with the system, code, category and retry
					verdict of each.
				</p>
			)}
			{state && (
				<div className="atlas-pg-batch-shown" aria-busy={stale || pending} data-stale={stale ? '' : undefined}>
					<p className="atlas-pg-batch-summary">{summaryText(state)}</p>
					{state.total === 0 ? (
						<p className="atlas-pg-hint">
							{state.summary.format === 'har'
								? 'No entry of this HAR failed: nothing to triage.'
								: 'No response found in this log.'}
						</p>
					) : (
						<div className="atlas-pg-batch-results" data-has-detail={selected !== null ? '' : undefined}>
							<div className="atlas-pg-batch-main">
								<p className="atlas-pg-batch-counts">
									<strong>By category:</strong> {formatCounts(categories)}
								</p>
								<div className="atlas-pg-row">
									<label htmlFor={ids.category}>Category</label>
									<select
										id={ids.category}
										value={filter.category}
										onChange={(event) => {
											const category = event.target.value;
											setFilter((previous) => ({ ...previous, category }));
											setLimit(PAGE_ROWS);
										}}
									>
										<option value="">All categories ({state.rows.length.toLocaleString('en')})</option>
										{categories.map(([name, count]) => (
											<option key={name} value={name}>
												{name === NOT_READ ? 'Lines not read' : name} ({count.toLocaleString('en')})
											</option>
										))}
									</select>
									<label htmlFor={ids.system}>System</label>
									<select
										id={ids.system}
										value={filter.system}
										onChange={(event) => {
											const system = event.target.value;
											setFilter((previous) => ({ ...previous, system }));
											setLimit(PAGE_ROWS);
										}}
									>
										<option value="">All systems</option>
										{systems.map(([name, count]) => (
											<option key={name} value={name}>
												{name} ({count.toLocaleString('en')})
											</option>
										))}
									</select>
								</div>
								<BatchTable
									rows={page}
									total={shown.length}
									sort={sort}
									onSort={onSort}
									selected={selected}
									onSelect={onSelect}
								/>
								{shown.length > page.length && (
									<p className="atlas-pg-row">
										<span>
											Showing {page.length.toLocaleString('en')} of {shown.length.toLocaleString('en')} rows.
										</span>
										<button type="button" onClick={() => setLimit((previous) => previous + PAGE_ROWS)}>
											Show {Math.min(PAGE_ROWS, shown.length - page.length).toLocaleString('en')} more
										</button>
									</p>
								)}
								<div className="atlas-pg-row atlas-pg-batch-export">
									<button
										type="button"
										aria-describedby={ids.note}
										disabled={shown.length === 0}
										onClick={() => download('error-atlas-triage.csv', toCsv(shown), 'text/csv;charset=utf-8')}
									>
										Download CSV
									</button>
									<button
										type="button"
										aria-describedby={ids.note}
										disabled={shown.length === 0}
										onClick={() =>
											download('error-atlas-triage.jsonl', toJsonLines(shown), 'application/x-ndjson;charset=utf-8')
										}
									>
										Download JSON Lines
									</button>
									<span id={ids.note} className="atlas-pg-privacy">
										The {plural(shown.length, 'row')} shown{filter.category || filter.system ? ' (filtered)' : ''}, with
										the URLs as you pasted them, unmasked. Made in your browser; nothing is uploaded.
									</span>
								</div>
							</div>
							{selected !== null && (
								<div className="atlas-pg-batch-detail" ref={detailRef}>
									{detail && detail.index === selected ? (
										<>
											<p className="atlas-pg-batch-where">
												Row {selectedRow ? rowPlace(selectedRow) : ''}
												{selectedRow?.url ? (
													<>
														: <code>{`${selectedRow.method ?? ''} ${selectedRow.url}`.trim()}</code>
													</>
												) : null}
											</p>
											<ResultCard
												result={detail.result}
												sourceName={detail.sourceName}
												titleId="atlas-pg-batch-title"
											/>
										</>
									) : (
										<p className="atlas-pg-busy">Reading the response…</p>
									)}
								</div>
							)}
						</div>
					)}
				</div>
			)}
		</div>
	);
}
