using StanceRules.Benchmarks;

return Cli.Run(args);
