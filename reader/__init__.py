"""政策阅读器 (Policy Reader): read, search and annotate Chinese policy documents offline."""

__version__ = "0.1.0"
APP_ID = "policy-reader"
APP_NAME = "政策阅读器"
BUNDLED_DOC_ID = "dongguan-14th-fyp"
