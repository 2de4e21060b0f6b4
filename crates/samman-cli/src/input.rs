//! Where a command's people come from: an instance JSON, or a seekers and a providers
//! spreadsheet (CSV, XLSX, ODS) with an optional policy JSON. The reading is the core's
//! (`samman::sheets::load`); this only names the arguments.

use std::path::PathBuf;

use samman::Session;
use samman::sheets::{self, Roster, Source};

use crate::Failure;

/// The input arguments every planning command shares.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Input {
    /// Instance JSON file (or give --seekers and --providers instead).
    pub file: Option<PathBuf>,
    /// The seekers' spreadsheet (guests, participants): CSV, XLSX or ODS.
    #[arg(long, value_name = "FILE")]
    pub seekers: Option<PathBuf>,
    /// The providers' spreadsheet (hosts, volunteers, groups): CSV, XLSX or ODS.
    #[arg(long, value_name = "FILE")]
    pub providers: Option<PathBuf>,
    /// A policy JSON file for the spreadsheets: the rules and weights of the programme.
    #[arg(long, value_name = "FILE.json")]
    pub policy: Option<PathBuf>,
}

impl Input {
    /// The core's description of the files.
    pub fn source(&self) -> Source {
        Source {
            instance: self.file.clone(),
            seekers: self.seekers.clone(),
            providers: self.providers.clone(),
            policy: self.policy.clone(),
        }
    }

    /// Read the people.
    pub fn load(&self) -> Result<Roster, Failure> {
        Ok(sheets::load(&self.source())?)
    }

    /// Read the people and prepare the core's session on them (validated once); the roster
    /// keeps the spreadsheets' carried columns for the outputs.
    pub fn session(&self) -> Result<(Session, Roster), Failure> {
        let roster = self.load()?;
        let session = Session::new(roster.instance.clone()).map_err(|error| {
            if error.invalid().is_some() && !roster.seekers.file().is_empty() {
                Failure::InSheets {
                    error,
                    roster: Box::new(roster.clone()),
                }
            } else {
                error.into()
            }
        })?;
        Ok((crate::progress::watch(session), roster))
    }

    /// For a command that also takes a plan file: with spreadsheets, the one positional file
    /// is the plan (`samman evaluate --seekers S --providers P PLAN`).
    pub fn with_plan(&self, plan: Option<&PathBuf>) -> Result<(Input, PathBuf), Failure> {
        match (plan, self.seekers.is_some() || self.providers.is_some()) {
            (Some(plan), _) => Ok((self.clone(), plan.clone())),
            (None, true) => {
                let plan = self
                    .file
                    .clone()
                    .ok_or_else(|| Failure::input("cli-plan-after-options", &[]))?;
                Ok((
                    Input {
                        file: None,
                        ..self.clone()
                    },
                    plan,
                ))
            }
            (None, false) => Err(Failure::input("cli-instance-then-plan", &[])),
        }
    }
}
