using FundManager.Api.Cli;

return await FundManagerCli.Build().Parse(args).InvokeAsync();
