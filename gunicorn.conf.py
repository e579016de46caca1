# gunicorn reads this file from the working directory. The access log leaves the id of a Tellijst row
# out of every line, and writes none about a melder's request (finintegriteit/logboek.py).
logger_class = "finintegriteit.logboek.Toegangslog"
