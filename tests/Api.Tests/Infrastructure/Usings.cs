global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using FundManager.Api.Demo;
global using FundManager.Api.Tests.Infrastructure;
global using Xunit;
global using static FundManager.Api.Tests.Infrastructure.Answers;
