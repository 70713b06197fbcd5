//! What the desktop benchmarks (`tests/benches/`) share: the floor to compare against, the
//! resident memory of a process and its WebKit children, and simple statistics.
//!
//! The floor is an empty Tauri 2 app with the same core dependencies (`ALONGSIDE_FLOOR_APP`);
//! Alongside's startup and memory are quoted as ratios to it, measured in the same run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A binary named by an environment variable, which must exist.
pub fn binary(var: &str, what: &str) -> PathBuf {
    let path = std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| panic!("set {var} to {what}"));
    assert!(path.exists(), "{var}: nothing at {}", path.display());
    path
}

/// A number from the environment, or `default`.
pub fn setting(var: &str, default: u64) -> u64 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `pid`'s parent, from /proc.
fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and brackets; the fields after its last ')' are fixed.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split(' ').nth(1)?.parse().ok()
}

fn all_pids() -> Vec<u32> {
    std::fs::read_dir("/proc")
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// `root` and every process below it.
pub fn process_tree(root: u32) -> Vec<u32> {
    let pids = all_pids();
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let p = tree[i];
        tree.extend(pids.iter().copied().filter(|&c| parent_of(c) == Some(p)));
        i += 1;
    }
    tree
}

/// The first process below `root` (inclusive) whose executable is `exe`.
pub fn find_below(root: u32, exe: &Path) -> Option<u32> {
    let exe = exe.canonicalize().ok()?;
    process_tree(root).into_iter().find(|pid| {
        std::fs::read_link(format!("/proc/{pid}/exe"))
            .map(|p| p == exe)
            .unwrap_or(false)
    })
}

/// Resident memory of one process, in KiB (0 if it has gone).
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// The summed resident memory of `root` and its children (the app and its WebKit processes),
/// in MiB, with each process counted as "name MiB".
pub fn tree_rss_mib(root: u32) -> (f64, Vec<String>) {
    let tree = process_tree(root);
    let counted = tree
        .iter()
        .filter_map(|&p| {
            let name = std::fs::read_to_string(format!("/proc/{p}/comm")).ok()?;
            Some(format!("{} {:.0}", name.trim(), rss_kib(p) as f64 / 1024.0))
        })
        .collect();
    let kib: u64 = tree.iter().map(|&p| rss_kib(p)).sum();
    (kib as f64 / 1024.0, counted)
}

/// Starts `cmd` (the floor, or Alongside straight, as the floor is), waits `idle` and returns
/// the summed memory of it and its WebKit processes, in MiB. Panics, naming `what`, if it does
/// not start or its WebKit processes are not there.
pub fn idle_mib(mut cmd: Command, what: &str, idle: Duration) -> f64 {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{what} did not start: {e}"));
    std::thread::sleep(idle);
    let (mib, counted) = tree_rss_mib(child.id());
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        counted.iter().any(|n| n.starts_with("WebKit")),
        "{what}'s WebKit processes were not found (counted: {counted:?})"
    );
    mib
}

/// Runs `cmd` to its end and returns how long it took from spawn. Panics, with `what`, if it
/// fails or is still running after `limit`.
pub fn time_to_exit(mut cmd: Command, what: &str, limit: Duration) -> Duration {
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{what} did not start: {e}"));
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let took = start.elapsed();
            assert!(status.success(), "{what} ended with {status}");
            return took;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not reach its exit point within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// The median of `xs`.
pub fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The machine, for the figures' caption.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
        })
        .unwrap_or(0);
    format!(
        "{cores} cores ({cpu}), {:.0} GiB",
        mem as f64 / 1024.0 / 1024.0
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(&[]).is_nan());
    }

    #[test]
    fn this_process_has_a_tree_and_memory() {
        let me = std::process::id();
        let mut child = Command::new("sleep").arg("5").spawn().expect("sleep");
        let tree = process_tree(me);
        assert!(
            tree.contains(&child.id()),
            "the child is below this process"
        );
        assert!(tree_rss_mib(me).0 > 0.5);
        let _ = child.kill();
        let _ = child.wait();
    }
}
