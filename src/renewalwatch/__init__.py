"""renewalwatch: one alert when your show is renewed or canceled, and no noise before that."""

__version__ = "0.1.0"
