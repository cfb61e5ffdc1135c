"""Agreement Provisions Tracker: what each ceasefire or peace agreement promised, and whether it happened."""

__version__ = "0.1.0"
APP_NAME = "Agreement Provisions Tracker"
APP_ID = "org.agreementtracker.AgreementTracker"
