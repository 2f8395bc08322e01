// Placeholder until the benchmarks issue lands.
System.Console.WriteLine("benchmarks: not yet written");
