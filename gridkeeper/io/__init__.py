"""Reading and writing the files cadres exchange: roster workbooks in, templates out."""
