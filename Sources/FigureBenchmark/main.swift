print("figure benchmark")
