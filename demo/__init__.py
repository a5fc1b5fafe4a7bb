"""The fictional demo neighbourhood "Mühlbach-Süd" in the made-up town of Auenstadt."""
