global using FundManager.Common;
global using FundManager.Finance;
global using FundManager.Reference;
global using Xunit;
global using StreamId = FundManager.Entities.StreamId;
