"""Benchmark runs: score labelled source/derived pairs, tune a threshold, report metrics and speed.

Four row formats are read, detected row by row (see ``../shared/benchmarks/README.md``):

    consistency     ``{"id", "dataset", "doc", "summary", "label"}``; label 1 = consistent, 0 = not.
    insciout        ``{"abstract_conclusion", "press_release_conclusion", "exaggeration_label"}``;
                    gold ``same`` / ``exaggerates`` / ``downplays``.
    claim-strength  ``{"sentence", "label"}``; label 0 no relation, 1 correlational,
                    2 conditional causal, 3 direct causal (Yu et al. 2019).
    alignment       SuperPAL ``{"topic", "scuText", "docSentText"}``: a summary sentence and a
                    source sentence the annotators paired with it (Ernst et al. 2021).

For consistency rows the checker's ``CheckResult.score`` (1 = consistent) is thresholded:
predicted consistent iff ``score >= threshold``. For InSciOut rows the verdict comes from the
finding kinds (``certainty-raised`` vs ``certainty-lowered``). For claim-strength rows the
prediction is the strength the certainty rules compare (``Pipeline.strength``: the strongest
claim of the sentence, ``checker.strength``). For alignment rows every summary sentence of a
topic is aligned against all the source sentences the topic's rows name
(``Pipeline.rank_sources``); it is right when the aligner's first choice is one of its gold
sentences. A malformed row or an article the loader refuses
is recorded under ``skipped`` and never stops the run.

The package is split by job: ``formats`` (records and reading the row formats), ``run``
(checking the rows), ``metrics`` (scores against gold labels), ``timing`` (the speed figures
and the spaCy-alone comparison), ``tables`` (text, CSV and result files), ``cv`` (grouped
cross-validation over one or several files) and ``suite`` (a drift suite of story folders).
"""


from checker.bench.formats import (
                                   ALIGNMENT,
                                   CONSISTENCY,
                                   INSCIOUT,
                                   INSCIOUT_LABELS,
                                   STRENGTH,
                                   STRENGTH_LABELS,
                                   BenchFile,
                                   BenchItem,
                                   Outcome,
                                   SkippedRow,
                                   read_bench_file,
                                   scan_bench_file,
)
from checker.bench.metrics import (
                                   balanced_accuracy,
                                   confusion_matrix,
                                   insciout_verdict,
                                   macro_f1,
                                   roc_auc,
                                   tune_threshold,
)
from checker.bench.run import run_bench
from checker.bench.tables import format_csv, format_table, write_results
from checker.bench.timing import FRESH, WARM_UP_TEXTS

__all__ = ["ALIGNMENT", "CONSISTENCY", "INSCIOUT", "INSCIOUT_LABELS", "STRENGTH",
           "STRENGTH_LABELS", "BenchFile", "BenchItem", "Outcome", "SkippedRow", "FRESH",
           "WARM_UP_TEXTS", "balanced_accuracy", "confusion_matrix", "format_csv",
           "format_table", "insciout_verdict", "macro_f1", "read_bench_file", "roc_auc",
           "run_bench", "scan_bench_file", "tune_threshold", "write_results"]
