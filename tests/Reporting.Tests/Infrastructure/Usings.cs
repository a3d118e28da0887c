global using FundManager.Reporting.Tests.Infrastructure;
global using Xunit;
