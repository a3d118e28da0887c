Console.WriteLine("fundmanager");
