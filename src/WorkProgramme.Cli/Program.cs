using WorkProgramme.Cli;

// wp: the Secretariat's command line. Same handlers and configuration as the web app.
return await WpCli.RunAsync(args, Console.Out, Console.Error);
