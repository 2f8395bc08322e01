using StanceRules.Cli;

return CommandLine.Run(args, StandardInput.Console, Console.Out, Console.Error);
