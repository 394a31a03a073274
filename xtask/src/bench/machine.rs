//! The machine a run was measured on, and the date.

use serde::{Deserialize, Serialize};

/// CPU, cores and date of a run.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct Machine {
    /// The CPU model, from `/proc/cpuinfo`.
    pub cpu: String,
    /// Logical cores.
    pub cores: usize,
    /// The operating system.
    pub os: String,
    /// The date, `YYYY-MM-DD` (UTC).
    pub date: String,
}

impl Machine {
    /// This machine, today.
    pub fn here() -> Machine {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name").and_then(|rest| rest.split_once(':')).map(|(_, m)| m.trim())
            })
            .unwrap_or("unknown CPU")
            .to_string();
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let secs =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let os = match std::env::consts::OS {
            "linux" => "Linux".to_string(),
            "macos" => "macOS".to_string(),
            other => other.to_string(),
        };
        Machine { cpu, cores, os, date: civil_date(secs / 86_400) }
    }

    /// One line for the terminal.
    pub fn describe(&self) -> String {
        format!("{} ({} cores, {}), {}", self.cpu, self.cores, self.os, self.date)
    }

    /// One sentence for the README.
    pub fn sentence(&self) -> String {
        format!("The machine: {}, {} cores, {}.", self.cpu, self.cores, self.os)
    }
}

/// `YYYY-MM-DD` of a count of days since 1970-01-01 (Howard Hinnant's
/// civil-from-days algorithm).
fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_date_counts_leap_years() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_454), "2026-01-01");
    }
}
