"""`streamlit run app.py` from a checkout; the app itself is dashboard/app.py."""

from dashboard.app import main

main()
