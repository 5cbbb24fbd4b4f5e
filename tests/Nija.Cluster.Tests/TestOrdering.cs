// Each test starts real silo processes; on a small machine they must not compete with each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
