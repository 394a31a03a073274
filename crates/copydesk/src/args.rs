use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// News pages in, structured facts out: the clean story, its sentences, who
/// said what, and every figure, as JSON Lines (one object per document).
///
/// PATHs are files (HTML or scraped text, told apart by content; `.gz`
/// decompressed), WARC archives (`.warc`, `.warc.gz`: one document per
/// response record), folders (read recursively) or `-` for standard input,
/// which is also read when no PATH is given.
#[derive(Parser, Debug)]
#[command(name = "copydesk", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    /// A single stage instead of the whole pipeline.
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub common: Common,

    /// Only these stages of the pipeline, comma-separated: clean, sentences,
    /// quotes, figures (default: all).
    #[arg(long, value_delimiter = ',', value_name = "STAGES")]
    pub stages: Vec<Stage>,
}

/// Options every command takes.
#[derive(clap::Args, Debug, Clone)]
pub struct Common {
    /// Files, folders, WARC archives or `-` (standard input).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Worker threads (default: every core).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Include (or, with a leading `!`, exclude) files in folders whose path
    /// matches this glob, as ripgrep's -g does. May be repeated.
    #[arg(short = 'g', long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,

    /// Write records in input order (default: as they are done).
    #[arg(long)]
    pub sort: bool,

    /// Write to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Keep only these fields of each record (comma-separated), or drop the
    /// ones written with a leading `-` (e.g. `--fields=-text`). `schema`,
    /// `source` and `error` are always kept.
    #[arg(long, value_delimiter = ',', value_name = "FIELDS", allow_hyphen_values = true)]
    pub fields: Vec<String>,

    /// Give up on a document after this many seconds and report it.
    #[arg(long, value_name = "SECS", default_value_t = 60.0)]
    pub timeout: f64,

    /// Refuse documents larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 64)]
    pub max_size: u64,

    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// The single-stage commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// The story and its metadata, from HTML or scraped text.
    Clean(TextStageArgs),
    /// Sentences of text taken as it is (no cleaning).
    Sentences(TextStageArgs),
    /// Quotes and their speakers in text taken as it is (no cleaning).
    Quotes(StageArgs),
    /// Figures in text taken as it is (no cleaning).
    Figures(StageArgs),
}

/// Options of a single-stage command that writes JSON Lines only.
#[derive(clap::Args, Debug)]
pub struct StageArgs {
    #[command(flatten)]
    pub common: Common,

    /// Write JSON Lines (the default and only format).
    #[arg(long)]
    pub json: bool,
}

/// Options of a single-stage command that can also write plain text.
#[derive(clap::Args, Debug)]
pub struct TextStageArgs {
    #[command(flatten)]
    pub common: Common,

    /// Write JSON Lines (the default).
    #[arg(long, conflicts_with = "text")]
    pub json: bool,

    /// Write plain text instead: the story (clean) or one sentence a line
    /// (sentences), documents separated by a blank line.
    #[arg(long)]
    pub text: bool,
}

/// A stage of the pipeline.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Main content and metadata.
    Clean,
    /// Sentence spans.
    Sentences,
    /// Quotes and speakers.
    Quotes,
    /// Figures.
    Figures,
}

/// What a run computes for each document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    /// Cleaning, then the chosen stages on the clean text.
    Pipeline {
        /// Write sentences.
        sentences: bool,
        /// Write quotes.
        quotes: bool,
        /// Write figures.
        figures: bool,
    },
    /// One stage on text taken as it is.
    Raw(Stage),
}

impl Args {
    /// The job, its common options and whether to write plain text.
    pub fn job(&self) -> (Job, &Common, bool) {
        let all = self.stages.is_empty();
        let on = |s| all || self.stages.contains(&s);
        match &self.command {
            None => (
                Job::Pipeline {
                    sentences: on(Stage::Sentences),
                    quotes: on(Stage::Quotes),
                    figures: on(Stage::Figures),
                },
                &self.common,
                false,
            ),
            Some(Command::Clean(a)) => (Job::Raw(Stage::Clean), &a.common, a.text),
            Some(Command::Sentences(a)) => (Job::Raw(Stage::Sentences), &a.common, a.text),
            Some(Command::Quotes(a)) => (Job::Raw(Stage::Quotes), &a.common, false),
            Some(Command::Figures(a)) => (Job::Raw(Stage::Figures), &a.common, false),
        }
    }
}
