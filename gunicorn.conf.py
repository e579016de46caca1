# gunicorn reads this file from the working directory. The access log leaves the id of a Tellijst row
# out of every line (vertrouwenspersonen/logboek.py).
logger_class = "vertrouwenspersonen.logboek.Toegangslog"
