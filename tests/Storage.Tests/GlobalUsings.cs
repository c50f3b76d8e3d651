global using Microsoft.Extensions.DependencyInjection;
global using Npgsql;
global using Orleans;
global using Orleans.Runtime;
global using Xunit;
