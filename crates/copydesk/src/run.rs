//! Running a job over the inputs: documents are processed on worker threads
//! as the inputs are read, and written as they are done (or in input order
//! with `--sort`), so memory holds a few documents per worker, not the batch.
//! Every input is accounted for by a record, an error record or a skipped
//! record; a document over the time budget is reported and left behind.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use copydesk::{ErrorInfo, Pipeline, Record, Source, Stages};
use rayon::prelude::*;

use crate::args::{Args, Job, Stage};
use crate::inputs::{self, Doc, Inputs, Payload};
use crate::output::{self, Fields};
use crate::progress::{Counts, Progress};

/// What became of one input.
struct Output {
    seq: u64,
    source: Source,
    bytes: Vec<u8>,
    input_len: u64,
    error: Option<String>,
    skipped: bool,
}

/// How one document is turned into output bytes.
struct Worker {
    pipeline: Pipeline,
    job: Job,
    as_text: bool,
    fields: Fields,
    max_size: u64,
}

/// Documents being processed, with when they started: the watchdog's view.
type InFlight = Mutex<HashMap<u64, (Instant, Source)>>;

/// Runs the job the arguments ask for and returns what it did.
pub fn run(args: &Args) -> Result<Counts> {
    let (job, common, as_text) = args.job();
    let mut fields = Fields::parse(&common.fields)?;
    if let Job::Pipeline { sentences, quotes, figures } = job {
        for (on, name) in [(sentences, "sentences"), (quotes, "quotes"), (figures, "figures")] {
            if !on {
                fields.drop(name);
            }
        }
    }
    let threads = common.threads.unwrap_or(0);
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(threads).build().context("starting worker threads")?;
    let max_size = common.max_size.saturating_mul(1024 * 1024);
    let options = inputs::Options { globs: common.globs.clone(), max_size };
    let inputs = Inputs::new(&common.paths, options);
    let worker = Arc::new(Worker { pipeline: Pipeline::new(), job, as_text, fields, max_size });
    let in_flight: Arc<InFlight> = Arc::default();
    let listed = Arc::new(Listed::default());
    let (tx, rx) = mpsc::sync_channel::<Output>(pool.current_num_threads() * 4);

    // Workers run on their own thread so that one stuck on a document past
    // its budget never keeps the writer (or the process) from finishing.
    {
        let (worker, in_flight, listed) = (worker.clone(), in_flight.clone(), listed.clone());
        std::thread::spawn(move || {
            let docs = CountingIter { inner: inputs.enumerate(), listed: &listed };
            let listing = catch_unwind(AssertUnwindSafe(|| {
                pool.install(|| {
                    docs.par_bridge().for_each_with(tx, |tx, (seq, doc)| {
                        let seq = seq as u64;
                        lock(&in_flight).insert(seq, (Instant::now(), doc.source.clone()));
                        let out = worker.process(seq, doc);
                        lock(&in_flight).remove(&seq);
                        // The writer has gone only when writing failed; nothing to do.
                        let _ = tx.send(out);
                    })
                })
            }));
            // Reading the inputs themselves failed (a bug): what was listed
            // has been written; the writer must stop waiting for the rest.
            listed.crashed.store(listing.is_err(), Ordering::Release);
            listed.done.store(true, Ordering::Release);
        });
    }

    let mut sink = output::sink(common.output.as_deref())?;
    let mut progress = Progress::new(common.quiet);
    let budget = Duration::from_secs_f64(common.timeout.max(0.001));
    let mut order = Order { sort: common.sort, next: 0, waiting: BTreeMap::new(), abandoned: HashSet::new() };
    let mut written = 0u64;
    loop {
        let (received, disconnected) = match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(out) => (vec![out], false),
            Err(RecvTimeoutError::Timeout) => (Vec::new(), false),
            Err(RecvTimeoutError::Disconnected) => (Vec::new(), true),
        };
        let overdue = overdue(&in_flight, budget, &worker);
        for out in received.into_iter().chain(overdue) {
            for out in order.accept(out) {
                if let Some(why) = &out.error {
                    progress.println(&format!("copydesk: {}: {why}", out.source));
                }
                progress.record(out.input_len, out.error.is_some(), out.skipped);
                sink.write_all(&out.bytes).context("writing output")?;
                written += 1;
            }
        }
        // Done when every listed input is written, or when no worker is left
        // to send anything (a crash while listing: see `Listed::crashed`).
        let all_written = written == listed.count.load(Ordering::Acquire);
        if listed.done.load(Ordering::Acquire) && (all_written || disconnected) {
            break;
        }
    }
    if listed.crashed.load(Ordering::Acquire) {
        progress.println(
            "copydesk: reading the inputs failed (a bug: please report it); later inputs were not read",
        );
        progress.counts.errors += 1;
    }
    sink.flush().context("writing output")?;
    progress.finish();
    Ok(progress.counts)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Takes the documents past their budget out of the in-flight set and
/// returns a timeout error for each.
fn overdue(in_flight: &InFlight, budget: Duration, worker: &Worker) -> Vec<Output> {
    let mut map = lock(in_flight);
    let late: Vec<u64> = map.iter().filter(|(_, (t, _))| t.elapsed() > budget).map(|(s, _)| *s).collect();
    late.into_iter()
        .filter_map(|seq| map.remove(&seq).map(|(_, source)| (seq, source)))
        .map(|(seq, source)| {
            let why = format!("gave up after {:.0}s (see --timeout)", budget.as_secs_f64());
            worker.failed(seq, source, 0, ErrorInfo::new("timeout", why))
        })
        .collect()
}

/// How many documents the inputs held, known once they are all listed.
#[derive(Default)]
struct Listed {
    count: AtomicU64,
    done: AtomicBool,
    /// Listing stopped on a panic rather than at the end of the inputs.
    crashed: AtomicBool,
}

struct CountingIter<'a, I> {
    inner: I,
    listed: &'a Listed,
}

impl<I: Iterator> Iterator for CountingIter<'_, I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        let item = self.inner.next();
        match item {
            Some(_) => self.listed.count.fetch_add(1, Ordering::AcqRel),
            None => {
                self.listed.done.store(true, Ordering::Release);
                0
            }
        };
        item
    }
}

/// Puts outputs in input order when asked, and drops the late results of
/// documents already reported as timed out.
struct Order {
    sort: bool,
    next: u64,
    waiting: BTreeMap<u64, Output>,
    abandoned: HashSet<u64>,
}

impl Order {
    fn accept(&mut self, out: Output) -> Vec<Output> {
        if !self.abandoned.insert(out.seq) {
            return Vec::new();
        }
        if !self.sort {
            return vec![out];
        }
        self.waiting.insert(out.seq, out);
        let mut ready = Vec::new();
        while let Some(out) = self.waiting.remove(&self.next) {
            ready.push(out);
            self.next += 1;
        }
        ready
    }
}

impl Worker {
    fn process(&self, seq: u64, doc: Doc) -> Output {
        let Doc { source, payload } = doc;
        let (bytes, charset) = match payload {
            Payload::File(path) => (inputs::read_file(&path, self.max_size), None),
            Payload::Bytes { bytes, charset } => (Ok(bytes), charset),
            Payload::Failed(f) => (Err(f), None),
            Payload::Skipped(why) => return self.skipped(seq, source, why),
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(f) => return self.failed(seq, source, 0, f),
        };
        let input_len = bytes.len() as u64;
        // A panic is a bug, but it must cost one document, not the batch.
        let computed =
            catch_unwind(AssertUnwindSafe(|| self.compute(source.clone(), &bytes, charset.as_deref())))
                .unwrap_or_else(|_| Err(ErrorInfo::internal()));
        match computed {
            Ok(record) => {
                let bytes =
                    if self.as_text { output::text_block(&record) } else { self.fields.json_line(&record) };
                Output { seq, source, bytes, input_len, error: None, skipped: false }
            }
            Err(f) => self.failed(seq, source, input_len, f),
        }
    }

    fn compute(&self, source: Source, bytes: &[u8], charset: Option<&str>) -> Result<Record, ErrorInfo> {
        let p = &self.pipeline;
        let record = Record::new(source);
        Ok(match self.job {
            Job::Pipeline { sentences, quotes, figures } => {
                let stages = Stages { sentences, quotes, figures };
                let found = p.extract_with_charset(bytes, charset, stages).map_err(ErrorInfo::from)?;
                Record::from_extraction(record.source, found)
            }
            Job::Raw(Stage::Clean) => {
                record.with_document(p.clean_with_charset(bytes, charset).map_err(ErrorInfo::from)?)
            }
            Job::Raw(stage) => {
                let text = copydesk::clean::decode_with_charset(bytes, charset)
                    .map_err(ErrorInfo::from)?
                    .into_owned();
                let record = match stage {
                    Stage::Quotes => {
                        let spans = p.sentences(&text, None);
                        record.with_quotes(p.quotes(&text, &spans))
                    }
                    Stage::Figures => record.with_figures(p.figures(&text)),
                    _ => record.with_sentences(&text, &p.sentences(&text, None)),
                };
                record.with_text(text)
            }
        })
    }

    fn failed(&self, seq: u64, source: Source, input_len: u64, f: ErrorInfo) -> Output {
        let bytes = if self.as_text {
            Vec::new()
        } else {
            self.fields.json_line(&Record::error(source.clone(), f.clone()))
        };
        Output { seq, source, bytes, input_len, error: Some(f.message), skipped: false }
    }

    fn skipped(&self, seq: u64, source: Source, why: String) -> Output {
        let bytes = if self.as_text {
            Vec::new()
        } else {
            self.fields.json_line(&Record::error(source.clone(), ErrorInfo::new("skipped", why)))
        };
        Output { seq, source, bytes, input_len: 0, error: None, skipped: true }
    }
}
