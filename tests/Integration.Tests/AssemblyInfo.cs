// Each test class runs a whole cluster (PostgreSQL, kinesalite, silo and API processes); two at once on a small
// machine would only slow both down and blur the timings the tests report.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
