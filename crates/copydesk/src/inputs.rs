//! The documents named by the PATH arguments, produced lazily so that a
//! folder of 200,000 pages or a multi-gigabyte archive is never held in
//! memory: files (gzip or not), folders walked recursively, WARC archives
//! record by record, and standard input.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use copydesk::{ErrorInfo, Source};

use crate::warc::WarcDocs;

/// One document to process.
pub struct Doc {
    /// Where it came from.
    pub source: Source,
    /// Its bytes, or where to read them, or why there are none.
    pub payload: Payload,
}

/// A document's content.
pub enum Payload {
    /// A file, read by the worker that processes it.
    File(PathBuf),
    /// Content already read (standard input, an archive record), with the
    /// charset its transport names (an HTTP `Content-Type` header's).
    Bytes {
        /// The document's bytes.
        bytes: Vec<u8>,
        /// The transport charset label, if any.
        charset: Option<String>,
    },
    /// The document could not be read.
    Failed(ErrorInfo),
    /// Not a document to extract from (an image in an archive, an HTTP
    /// error page): reported, but not counted as an error.
    Skipped(String),
}

impl Doc {
    /// A document that failed before it could be read.
    pub fn failed(source: Source, kind: &'static str, message: impl Into<String>) -> Doc {
        Doc { source, payload: Payload::Failed(ErrorInfo::new(kind, message)) }
    }
}

/// How inputs are listed and read.
#[derive(Clone)]
pub struct Options {
    /// ripgrep-style globs filtering the files found in folders.
    pub globs: Vec<String>,
    /// The largest document accepted, in bytes.
    pub max_size: u64,
}

/// The documents of a list of PATHs, in order.
pub struct Inputs {
    pending: VecDeque<PathBuf>,
    walk: Option<(PathBuf, ignore::Walk)>,
    archive: Option<WarcDocs<Box<dyn BufRead + Send>>>,
    options: Options,
}

impl Inputs {
    /// The documents of `paths`; no PATH means standard input.
    pub fn new(paths: &[PathBuf], options: Options) -> Inputs {
        let pending = if paths.is_empty() {
            VecDeque::from([PathBuf::from("-")])
        } else {
            paths.iter().cloned().collect()
        };
        Inputs { pending, walk: None, archive: None, options }
    }

    /// Starts walking a folder; a bad glob yields the document reporting it.
    fn start_walk(&mut self, dir: PathBuf) -> Option<Doc> {
        let mut builder = ignore::WalkBuilder::new(&dir);
        // Every file counts, hidden ones too: a crawl's folder is data, not a
        // source tree with ignore files.
        builder.standard_filters(false).sort_by_file_name(|a, b| a.cmp(b));
        if !self.options.globs.is_empty() {
            let mut overrides = ignore::overrides::OverrideBuilder::new(&dir);
            let built = self
                .options
                .globs
                .iter()
                .try_for_each(|g| overrides.add(g).map(drop))
                .and_then(|()| overrides.build());
            match built {
                Ok(overrides) => builder.overrides(overrides),
                Err(e) => return Some(Doc::failed(source_of(&dir), "usage", e.to_string())),
            };
        }
        self.walk = Some((dir, builder.build()));
        None
    }

    /// The document (or archive) a file holds.
    fn open_file(&mut self, path: PathBuf) -> Option<Doc> {
        if !is_warc_name(&path) {
            return Some(Doc { source: source_of(&path), payload: Payload::File(path) });
        }
        let reader = File::open(&path).and_then(|f| decompressed(Box::new(BufReader::new(f))));
        match reader {
            Ok(reader) => {
                self.archive = Some(WarcDocs::new(reader, source_of(&path)));
                None
            }
            Err(e) => Some(Doc::failed(source_of(&path), "read", e.to_string())),
        }
    }

    /// Standard input: a WARC stream, or one document.
    fn open_stdin(&mut self) -> Option<Doc> {
        let source = Source::path("-");
        let mut reader = match decompressed(Box::new(BufReader::new(io::stdin()))) {
            Ok(r) => r,
            Err(e) => return Some(Doc::failed(source, "read", e.to_string())),
        };
        match reader.fill_buf() {
            Ok(head) if head.starts_with(b"WARC/") => {
                self.archive = Some(WarcDocs::new(reader, source));
                None
            }
            Ok(_) => Some(Doc {
                payload: match read_capped(reader, self.options.max_size) {
                    Ok(bytes) => Payload::Bytes { bytes, charset: None },
                    Err(f) => Payload::Failed(f),
                },
                source,
            }),
            Err(e) => Some(Doc::failed(source, "read", e.to_string())),
        }
    }
}

impl Iterator for Inputs {
    type Item = Doc;

    fn next(&mut self) -> Option<Doc> {
        loop {
            if let Some(archive) = &mut self.archive {
                match archive.next() {
                    Some(doc) => return Some(doc),
                    None => self.archive = None,
                }
            }
            if let Some((dir, walk)) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) if entry.file_type().is_some_and(|t| t.is_file()) => {
                        if let Some(doc) = self.open_file(entry.into_path()) {
                            return Some(doc);
                        }
                    }
                    Some(Ok(_)) => {}
                    Some(Err(e)) => {
                        let path = error_path(&e).unwrap_or(dir.as_path());
                        return Some(Doc::failed(source_of(path), "read", e.to_string()));
                    }
                    None => self.walk = None,
                }
                continue;
            }
            let path = self.pending.pop_front()?;
            if path.as_os_str() == "-" {
                if let Some(doc) = self.open_stdin() {
                    return Some(doc);
                }
            } else if path.is_dir() {
                if let Some(doc) = self.start_walk(path) {
                    return Some(doc);
                }
            } else if path.exists() {
                if let Some(doc) = self.open_file(path) {
                    return Some(doc);
                }
            } else {
                return Some(Doc::failed(source_of(&path), "read", "no such file or folder"));
            }
        }
    }
}

/// Reads a file's document: gunzipped when gzip, refused when too large.
pub fn read_file(path: &Path, max_size: u64) -> Result<Vec<u8>, ErrorInfo> {
    let file = File::open(path).map_err(|e| ErrorInfo::new("read", e.to_string()))?;
    let reader =
        decompressed(Box::new(BufReader::new(file))).map_err(|e| ErrorInfo::new("read", e.to_string()))?;
    read_capped(reader, max_size)
}

/// Reads at most `max_size` bytes; more is an error, not a silent cut.
fn read_capped(reader: impl Read, max_size: u64) -> Result<Vec<u8>, ErrorInfo> {
    let mut bytes = Vec::new();
    reader.take(max_size.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| {
        let kind = if e.kind() == io::ErrorKind::UnexpectedEof { "truncated" } else { "read" };
        ErrorInfo::new(kind, e.to_string())
    })?;
    if bytes.len() as u64 > max_size {
        let mb = max_size / (1024 * 1024);
        return Err(ErrorInfo::new(
            "too-large",
            format!("larger than {mb} MB (raise --max-size to accept it)"),
        ));
    }
    Ok(bytes)
}

/// The reader, gunzipped when its first bytes are gzip's magic number.
fn decompressed(mut reader: Box<dyn BufRead + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    if reader.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(reader))))
    } else {
        Ok(reader)
    }
}

fn is_warc_name(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

fn source_of(path: &Path) -> Source {
    Source::path(path.display().to_string())
}

fn error_path(e: &ignore::Error) -> Option<&Path> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        _ => None,
    }
}
