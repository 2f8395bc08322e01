using StanceRules.Benchmarks;
using StanceRules.Benchmarks.Workloads;

return Cli.Run(args);
