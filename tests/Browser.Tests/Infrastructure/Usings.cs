global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using FundManager.Api.Demo;
global using FundManager.Tests.Infrastructure;
global using Microsoft.Playwright;
global using Xunit;
