global using Orleans.Concurrency;
global using Orleans.Placement;
