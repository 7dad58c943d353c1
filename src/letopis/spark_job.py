"""The entry script for `spark-submit`: the same arguments as `letopis spark ingest`.

    spark-submit --archives letopis-env.tar.gz#env --conf spark.pyspark.python=./env/bin/python \
        "$(python -c 'import letopis.spark_job as j; print(j.__file__)')" s3a://bucket/docs.parquet --out s3a://bucket/out
"""
import sys

from letopis.cli import main

if __name__ == "__main__":
    sys.exit(main(["spark", "ingest", *sys.argv[1:]]))
