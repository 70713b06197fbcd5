//! One use-case function per command: it validates, opens the transaction, and calls the
//! rules and the store. The shell's command of the same name delegates here.

use super::{CrisisHelp, RegionChoice};

pub fn crisis_regions() -> Vec<RegionChoice> {
    super::regions()
}

pub fn crisis_help(region: String) -> CrisisHelp {
    super::help_for(&region)
}
